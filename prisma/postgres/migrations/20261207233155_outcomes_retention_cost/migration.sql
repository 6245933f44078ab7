-- CreateTable
CREATE TABLE "Employment" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "menteePlanId" TEXT,
    "startedOn" TEXT NOT NULL,
    "leftOn" TEXT,
    "leftReason" TEXT,
    "hadMentor" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Employment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostModel" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeSettings" (
    "municipalityId" TEXT NOT NULL,
    "nationalOptIn" BOOLEAN NOT NULL DEFAULT false,
    "optedInAt" TIMESTAMP(3),
    "unitsForEstimate" INTEGER,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutcomeSettings_pkey" PRIMARY KEY ("municipalityId")
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

-- AddForeignKey
ALTER TABLE "Employment" ADD CONSTRAINT "Employment_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employment" ADD CONSTRAINT "Employment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employment" ADD CONSTRAINT "Employment_menteePlanId_fkey" FOREIGN KEY ("menteePlanId") REFERENCES "MenteePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostModel" ADD CONSTRAINT "CostModel_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeSettings" ADD CONSTRAINT "OutcomeSettings_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;
