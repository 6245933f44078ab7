-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "gridVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sortName" TEXT NOT NULL DEFAULT '';



-- Hand-written (keep when regenerating). Mirrors app/modules/users/sort-key.ts.
-- "User"."sortName": the name folded so that a binary order is the Norwegian one
-- (æ/ä, ø/ö, å/aa after z), for keyset paging of member lists in SQL.
-- "Programme"."gridVersion": raised in the same transaction as every change that
-- alters a run's attendance grid, so a cached grid is valid exactly while its
-- version is current, on any number of app instances.
-- Prisma's PostgreSQL adapter splits migration scripts on every semicolon, so
-- trigger function bodies are E'' strings with \073 for theirs.
CREATE FUNCTION "mn_sort_key"(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS 'SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(trim(t)), ''Æ'', ''{''), ''æ'', ''{''), ''Ä'', ''{''), ''ä'', ''{''), ''Ø'', ''|''), ''ø'', ''|''), ''Ö'', ''|''), ''ö'', ''|''), ''Å'', ''}''), ''å'', ''}''), ''aa'', ''}'')';
UPDATE "User" SET "sortName" = "mn_sort_key"("name");
CREATE FUNCTION "mn_user_sort_name"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN NEW."sortName" := "mn_sort_key"(NEW."name")\073 RETURN NEW\073 END';
CREATE TRIGGER "User_sortName" BEFORE INSERT OR UPDATE OF "name" ON "User" FOR EACH ROW EXECUTE FUNCTION "mn_user_sort_name"();
CREATE FUNCTION "mn_user_grid_version"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" IN (SELECT "programmeId" FROM "Enrolment" WHERE "userId" = NEW."id")\073 RETURN NULL\073 END';
CREATE TRIGGER "User_gridVersion" AFTER UPDATE OF "name" ON "User" FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "mn_user_grid_version"();
CREATE FUNCTION "mn_grid_version"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  IF TG_OP <> ''INSERT'' THEN UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = OLD."programmeId"\073 END IF\073
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW."programmeId" IS DISTINCT FROM OLD."programmeId") THEN UPDATE "Programme" SET "gridVersion" = "gridVersion" + 1 WHERE "id" = NEW."programmeId"\073 END IF\073
  RETURN NULL\073
END';
CREATE TRIGGER "Gathering_gridVersion" AFTER INSERT OR UPDATE OR DELETE ON "Gathering" FOR EACH ROW EXECUTE FUNCTION "mn_grid_version"();
CREATE TRIGGER "Enrolment_gridVersion" AFTER INSERT OR UPDATE OR DELETE ON "Enrolment" FOR EACH ROW EXECUTE FUNCTION "mn_grid_version"();
CREATE TRIGGER "Attendance_gridVersion" AFTER INSERT OR UPDATE OR DELETE ON "Attendance" FOR EACH ROW EXECUTE FUNCTION "mn_grid_version"();
CREATE TRIGGER "AttendanceCredit_gridVersion" AFTER INSERT OR UPDATE OR DELETE ON "AttendanceCredit" FOR EACH ROW EXECUTE FUNCTION "mn_grid_version"();
