-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gatheringId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "minutesPresent" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Attendance_gatheringId_fkey" FOREIGN KEY ("gatheringId") REFERENCES "Gathering" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AbsenceNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gatheringId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AbsenceNotice_gatheringId_fkey" FOREIGN KEY ("gatheringId") REFERENCES "Gathering" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttendanceCredit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AttendanceCredit_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckInCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gatheringId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckInCode_gatheringId_fkey" FOREIGN KEY ("gatheringId") REFERENCES "Gathering" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gatheringId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME,
    "confirmedById" TEXT,
    CONSTRAINT "CheckIn_gatheringId_fkey" FOREIGN KEY ("gatheringId") REFERENCES "Gathering" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Diploma" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "programmeName" TEXT NOT NULL,
    "municipalityName" TEXT NOT NULL,
    "coordinatorName" TEXT NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "minutesAttended" INTEGER NOT NULL,
    "minutesCredited" INTEGER NOT NULL,
    "minutesRequired" INTEGER NOT NULL,
    "sessions" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" TEXT NOT NULL,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    "revokedById" TEXT,
    "replacesId" TEXT,
    CONSTRAINT "Diploma_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "programmeId" TEXT,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Gathering" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "location" TEXT,
    "preparation" TEXT NOT NULL DEFAULT '[]',
    "agenda" TEXT NOT NULL DEFAULT '[]',
    "methods" TEXT NOT NULL DEFAULT '',
    "contentSlug" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "registerVersion" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Gathering_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Gathering" ("agenda", "contentSlug", "durationMinutes", "id", "kind", "location", "methods", "order", "preparation", "programmeId", "revision", "startsAt", "theme", "title", "updatedAt") SELECT "agenda", "contentSlug", "durationMinutes", "id", "kind", "location", "methods", "order", "preparation", "programmeId", "revision", "startsAt", "theme", "title", "updatedAt" FROM "Gathering";
DROP TABLE "Gathering";
ALTER TABLE "new_Gathering" RENAME TO "Gathering";
CREATE INDEX "Gathering_programmeId_startsAt_idx" ON "Gathering"("programmeId", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Attendance_programmeId_userId_idx" ON "Attendance"("programmeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_gatheringId_userId_key" ON "Attendance"("gatheringId", "userId");

-- CreateIndex
CREATE INDEX "AbsenceNotice_programmeId_idx" ON "AbsenceNotice"("programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "AbsenceNotice_gatheringId_userId_key" ON "AbsenceNotice"("gatheringId", "userId");

-- CreateIndex
CREATE INDEX "AttendanceCredit_programmeId_userId_idx" ON "AttendanceCredit"("programmeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckInCode_code_key" ON "CheckInCode"("code");

-- CreateIndex
CREATE INDEX "CheckInCode_gatheringId_idx" ON "CheckInCode"("gatheringId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_gatheringId_userId_key" ON "CheckIn"("gatheringId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Diploma_code_key" ON "Diploma"("code");

-- CreateIndex
CREATE INDEX "Diploma_programmeId_userId_idx" ON "Diploma"("programmeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_userId_kind_idx" ON "CalendarFeed"("userId", "kind");

-- CreateIndex
CREATE INDEX "CalendarFeed_programmeId_idx" ON "CalendarFeed"("programmeId");
