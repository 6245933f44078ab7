-- CreateTable
CREATE TABLE "PendingMembership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "unitId" TEXT,
    "programmeId" TEXT,
    "joinedOn" DATETIME,
    "name" TEXT NOT NULL,
    "invitedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PendingMembership_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PendingMembership_userId_idx" ON "PendingMembership"("userId");

-- CreateIndex
CREATE INDEX "PendingMembership_municipalityId_programmeId_idx" ON "PendingMembership"("municipalityId", "programmeId");
