-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Programme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "municipalityId" TEXT NOT NULL,
    "templateId" TEXT,
    "sourceSlug" TEXT,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "coordinatorId" TEXT NOT NULL,
    "location" TEXT,
    "requiredMinutes" INTEGER NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "gridVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Programme_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Programme_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ProgrammeTemplate" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Programme_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Programme" ("coordinatorId", "createdAt", "endsOn", "id", "location", "municipalityId", "name", "requiredMinutes", "sourceSlug", "startsOn", "templateId", "updatedAt", "year") SELECT "coordinatorId", "createdAt", "endsOn", "id", "location", "municipalityId", "name", "requiredMinutes", "sourceSlug", "startsOn", "templateId", "updatedAt", "year" FROM "Programme";
DROP TABLE "Programme";
ALTER TABLE "new_Programme" RENAME TO "Programme";
CREATE INDEX "Programme_municipalityId_year_idx" ON "Programme"("municipalityId", "year");
CREATE INDEX "Programme_coordinatorId_idx" ON "Programme"("coordinatorId");
CREATE INDEX "Programme_templateId_idx" ON "Programme"("templateId");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "language" TEXT,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "sortName" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_User" ("createdAt", "disabledAt", "email", "id", "language", "name", "passwordHash", "updatedAt") SELECT "createdAt", "disabledAt", "email", "id", "language", "name", "passwordHash", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Hand-written (keep when regenerating). Mirrors app/modules/users/sort-key.ts.
-- "User"."sortName": the name folded so that a binary order is the Norwegian one
-- (æ/ä, ø/ö, å/aa after z), for keyset paging of member lists in SQL.
-- "Programme"."gridVersion": raised in the same transaction as every change that
-- alters a run's attendance grid, so a cached grid is valid exactly while its
-- version is current, on any number of app instances.
-- NOTE (SQLite): a migration that redefines one of these tables (Prisma's
-- "RedefineTables") drops its triggers; re-create them in that migration.
UPDATE "User" SET "sortName" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(trim("name")), 'Æ', '{'), 'æ', '{'), 'Ä', '{'), 'ä', '{'), 'Ø', '|'), 'ø', '|'), 'Ö', '|'), 'ö', '|'), 'Å', '}'), 'å', '}'), 'aa', '}');
CREATE TRIGGER "User_sortName_insert" AFTER INSERT ON "User" BEGIN
  UPDATE "User" SET "sortName" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(trim(NEW."name")), 'Æ', '{'), 'æ', '{'), 'Ä', '{'), 'ä', '{'), 'Ø', '|'), 'ø', '|'), 'Ö', '|'), 'ö', '|'), 'Å', '}'), 'å', '}'), 'aa', '}') WHERE "id" = NEW."id";
END;
CREATE TRIGGER "User_name_update" AFTER UPDATE OF "name" ON "User" BEGIN
  UPDATE "User" SET "sortName" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(trim(NEW."name")), 'Æ', '{'), 'æ', '{'), 'Ä', '{'), 'ä', '{'), 'Ø', '|'), 'ø', '|'), 'Ö', '|'), 'ö', '|'), 'Å', '}'), 'å', '}'), 'aa', '}') WHERE "id" = NEW."id";
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" IN (SELECT "programmeId" FROM "Enrolment" WHERE "userId" = NEW."id");
END;
CREATE TRIGGER "Gathering_gridVersion_insert" AFTER INSERT ON "Gathering" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = NEW."programmeId";
END;
CREATE TRIGGER "Gathering_gridVersion_update" AFTER UPDATE ON "Gathering" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" IN (OLD."programmeId", NEW."programmeId");
END;
CREATE TRIGGER "Gathering_gridVersion_delete" AFTER DELETE ON "Gathering" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = OLD."programmeId";
END;
CREATE TRIGGER "Enrolment_gridVersion_insert" AFTER INSERT ON "Enrolment" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = NEW."programmeId";
END;
CREATE TRIGGER "Enrolment_gridVersion_update" AFTER UPDATE ON "Enrolment" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" IN (OLD."programmeId", NEW."programmeId");
END;
CREATE TRIGGER "Enrolment_gridVersion_delete" AFTER DELETE ON "Enrolment" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = OLD."programmeId";
END;
CREATE TRIGGER "Attendance_gridVersion_insert" AFTER INSERT ON "Attendance" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = NEW."programmeId";
END;
CREATE TRIGGER "Attendance_gridVersion_update" AFTER UPDATE ON "Attendance" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" IN (OLD."programmeId", NEW."programmeId");
END;
CREATE TRIGGER "Attendance_gridVersion_delete" AFTER DELETE ON "Attendance" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = OLD."programmeId";
END;
CREATE TRIGGER "AttendanceCredit_gridVersion_insert" AFTER INSERT ON "AttendanceCredit" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = NEW."programmeId";
END;
CREATE TRIGGER "AttendanceCredit_gridVersion_update" AFTER UPDATE ON "AttendanceCredit" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" IN (OLD."programmeId", NEW."programmeId");
END;
CREATE TRIGGER "AttendanceCredit_gridVersion_delete" AFTER DELETE ON "AttendanceCredit" BEGIN
  UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = OLD."programmeId";
END;
