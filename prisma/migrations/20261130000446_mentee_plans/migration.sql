-- CreateTable
CREATE TABLE "PlanTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "municipalityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sourceSlug" TEXT NOT NULL,
    "structure" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MenteePlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "municipalityId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "menteeName" TEXT NOT NULL,
    "menteeUserId" TEXT,
    "mentorId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "serviceType" TEXT NOT NULL,
    "templateSlug" TEXT NOT NULL,
    "planTemplateId" TEXT,
    "startDate" TEXT NOT NULL,
    "endedOn" TEXT,
    "endReason" TEXT,
    "endedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MenteePlan_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MenteePlan_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MenteePlan_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MenteePlan_menteeUserId_fkey" FOREIGN KEY ("menteeUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MenteePlan_planTemplateId_fkey" FOREIGN KEY ("planTemplateId") REFERENCES "PlanTemplate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "key" TEXT,
    "plannedDate" TEXT NOT NULL,
    "originalDate" TEXT NOT NULL,
    "expectedMinutes" INTEGER,
    "withMentor" BOOLEAN NOT NULL DEFAULT false,
    "movedReason" TEXT,
    "heldDate" TEXT,
    "minutesUsed" INTEGER,
    "note" TEXT,
    "heldById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "MenteePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChecklistTick" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "tickedById" TEXT NOT NULL,
    "tickedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChecklistTick_planId_fkey" FOREIGN KEY ("planId") REFERENCES "MenteePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlanTemplate_municipalityId_idx" ON "PlanTemplate"("municipalityId");

-- CreateIndex
CREATE INDEX "MenteePlan_municipalityId_unitId_idx" ON "MenteePlan"("municipalityId", "unitId");

-- CreateIndex
CREATE INDEX "MenteePlan_unitId_idx" ON "MenteePlan"("unitId");

-- CreateIndex
CREATE INDEX "MenteePlan_mentorId_idx" ON "MenteePlan"("mentorId");

-- CreateIndex
CREATE INDEX "MenteePlan_leaderId_idx" ON "MenteePlan"("leaderId");

-- CreateIndex
CREATE INDEX "MenteePlan_menteeUserId_idx" ON "MenteePlan"("menteeUserId");

-- CreateIndex
CREATE INDEX "MenteePlan_planTemplateId_idx" ON "MenteePlan"("planTemplateId");

-- CreateIndex
CREATE INDEX "PlanItem_planId_plannedDate_idx" ON "PlanItem"("planId", "plannedDate");

-- CreateIndex
CREATE INDEX "PlanItem_heldDate_plannedDate_idx" ON "PlanItem"("heldDate", "plannedDate");

-- CreateIndex
CREATE UNIQUE INDEX "PlanItem_planId_kind_seq_key" ON "PlanItem"("planId", "kind", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTick_planId_itemKey_key" ON "ChecklistTick"("planId", "itemKey");
