-- CreateTable
CREATE TABLE "ProgrammeTemplate" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'municipality',
    "name" TEXT NOT NULL,
    "description" TEXT,
    "requiredMinutes" INTEGER,
    "sourceSlug" TEXT,
    "sourceVersion" TEXT,
    "sourceTemplateId" TEXT,
    "publicationStatus" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgrammeTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TemplateSession" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "preparation" TEXT NOT NULL DEFAULT '[]',
    "agenda" TEXT NOT NULL DEFAULT '[]',
    "methods" TEXT NOT NULL DEFAULT '',
    "contentSlug" TEXT,

    CONSTRAINT "TemplateSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "templateId" TEXT,
    "sourceSlug" TEXT,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "coordinatorId" TEXT NOT NULL,
    "location" TEXT,
    "requiredMinutes" INTEGER NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gathering" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "location" TEXT,
    "preparation" TEXT NOT NULL DEFAULT '[]',
    "agenda" TEXT NOT NULL DEFAULT '[]',
    "methods" TEXT NOT NULL DEFAULT '',
    "contentSlug" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Gathering_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "joinedOn" TIMESTAMP(3) NOT NULL,
    "leftOn" TIMESTAMP(3),
    "leftReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreparationAnswer" (
    "id" TEXT NOT NULL,
    "gatheringId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'private',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PreparationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Worksheet" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "municipalityId" TEXT,
    "programmeId" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'private',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Worksheet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProgrammeTemplate_municipalityId_idx" ON "ProgrammeTemplate"("municipalityId");

-- CreateIndex
CREATE INDEX "ProgrammeTemplate_scope_idx" ON "ProgrammeTemplate"("scope");

-- CreateIndex
CREATE INDEX "ProgrammeTemplate_publicationStatus_idx" ON "ProgrammeTemplate"("publicationStatus");

-- CreateIndex
CREATE INDEX "TemplateSession_templateId_order_idx" ON "TemplateSession"("templateId", "order");

-- CreateIndex
CREATE INDEX "Programme_municipalityId_year_idx" ON "Programme"("municipalityId", "year");

-- CreateIndex
CREATE INDEX "Programme_coordinatorId_idx" ON "Programme"("coordinatorId");

-- CreateIndex
CREATE INDEX "Programme_templateId_idx" ON "Programme"("templateId");

-- CreateIndex
CREATE INDEX "Gathering_programmeId_startsAt_idx" ON "Gathering"("programmeId", "startsAt");

-- CreateIndex
CREATE INDEX "Enrolment_userId_idx" ON "Enrolment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_programmeId_userId_key" ON "Enrolment"("programmeId", "userId");

-- CreateIndex
CREATE INDEX "PreparationAnswer_programmeId_idx" ON "PreparationAnswer"("programmeId");

-- CreateIndex
CREATE INDEX "PreparationAnswer_ownerId_idx" ON "PreparationAnswer"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "PreparationAnswer_gatheringId_ownerId_key" ON "PreparationAnswer"("gatheringId", "ownerId");

-- CreateIndex
CREATE INDEX "Worksheet_ownerId_kind_idx" ON "Worksheet"("ownerId", "kind");

-- CreateIndex
CREATE INDEX "Worksheet_programmeId_idx" ON "Worksheet"("programmeId");

-- AddForeignKey
ALTER TABLE "ProgrammeTemplate" ADD CONSTRAINT "ProgrammeTemplate_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateSession" ADD CONSTRAINT "TemplateSession_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ProgrammeTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ProgrammeTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gathering" ADD CONSTRAINT "Gathering_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreparationAnswer" ADD CONSTRAINT "PreparationAnswer_gatheringId_fkey" FOREIGN KEY ("gatheringId") REFERENCES "Gathering"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreparationAnswer" ADD CONSTRAINT "PreparationAnswer_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Worksheet" ADD CONSTRAINT "Worksheet_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
