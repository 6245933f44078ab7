-- CreateTable
CREATE TABLE "SurveyTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "municipalityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sourceSlug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "cohort" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SurveyRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "municipalityId" TEXT NOT NULL,
    "sourceSlug" TEXT NOT NULL,
    "templateId" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "cohort" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "programmeId" TEXT,
    "periodFrom" TEXT,
    "periodTo" TEXT,
    "opensOn" TEXT NOT NULL,
    "closesOn" TEXT NOT NULL,
    "reminders" INTEGER NOT NULL DEFAULT 0,
    "remindedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SurveyRespondent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "answered" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "SurveyRespondent_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SurveyRespondent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "userId" TEXT,
    "subgroup" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    CONSTRAINT "SurveyResponse_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SurveyTemplate_municipalityId_idx" ON "SurveyTemplate"("municipalityId");

-- CreateIndex
CREATE INDEX "SurveyRound_municipalityId_opensOn_idx" ON "SurveyRound"("municipalityId", "opensOn");

-- CreateIndex
CREATE INDEX "SurveyRound_municipalityId_sourceSlug_idx" ON "SurveyRound"("municipalityId", "sourceSlug");

-- CreateIndex
CREATE INDEX "SurveyRespondent_userId_idx" ON "SurveyRespondent"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRespondent_roundId_userId_key" ON "SurveyRespondent"("roundId", "userId");

-- CreateIndex
CREATE INDEX "SurveyResponse_roundId_idx" ON "SurveyResponse"("roundId");

-- CreateIndex
CREATE INDEX "SurveyResponse_userId_idx" ON "SurveyResponse"("userId");
