-- CreateTable
CREATE TABLE "Employment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "municipalityId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "menteePlanId" TEXT,
    "startedOn" TEXT NOT NULL,
    "leftOn" TEXT,
    "leftReason" TEXT,
    "hadMentor" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Employment_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Employment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Employment_menteePlanId_fkey" FOREIGN KEY ("menteePlanId") REFERENCES "MenteePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CostModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "municipalityId" TEXT NOT NULL,
    "serviceType" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "annualCostOre" INTEGER NOT NULL,
    "annualHours" INTEGER NOT NULL,
    "trainingShifts" INTEGER NOT NULL,
    "shiftMinutes" INTEGER NOT NULL,
    "advertMinutes" INTEGER NOT NULL,
    "interviewsMinutes" INTEGER NOT NULL,
    "referencesMinutes" INTEGER NOT NULL,
    "preparationMinutes" INTEGER NOT NULL,
    "probationMinutes" INTEGER NOT NULL,
    "basicDayMinutes" INTEGER NOT NULL,
    "conversations" INTEGER NOT NULL,
    "conversationMinutes" INTEGER NOT NULL,
    "conversationPersons" INTEGER NOT NULL,
    "mentorAllowanceOre" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CostModel_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeSettings" (
    "municipalityId" TEXT NOT NULL PRIMARY KEY,
    "nationalOptIn" BOOLEAN NOT NULL DEFAULT false,
    "optedInAt" DATETIME,
    "unitsForEstimate" INTEGER,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutcomeSettings_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Employment_menteePlanId_key" ON "Employment"("menteePlanId");

-- CreateIndex
CREATE INDEX "Employment_municipalityId_unitId_idx" ON "Employment"("municipalityId", "unitId");

-- CreateIndex
CREATE INDEX "Employment_municipalityId_leftOn_idx" ON "Employment"("municipalityId", "leftOn");

-- CreateIndex
CREATE INDEX "Employment_unitId_idx" ON "Employment"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "CostModel_municipalityId_serviceType_validFrom_key" ON "CostModel"("municipalityId", "serviceType", "validFrom");
