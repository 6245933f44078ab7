-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN "number" TEXT;

-- CreateTable
CREATE TABLE "PrivacyNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "municipalityId" TEXT NOT NULL,
    "controller" TEXT,
    "purposes" TEXT,
    "retention" TEXT,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PrivacyNotice_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyNotice_municipalityId_key" ON "PrivacyNotice"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_number_key" ON "Municipality"("number");
