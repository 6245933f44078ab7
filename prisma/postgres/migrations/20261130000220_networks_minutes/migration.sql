-- CreateTable
CREATE TABLE "Network" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "districtId" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "contactId" TEXT NOT NULL,
    "rhythmMonths" INTEGER NOT NULL DEFAULT 2,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMember" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "invitedById" TEXT,
    "joinedAt" TIMESTAMP(3),
    "leftAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMaterial" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "url" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMeeting" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "location" TEXT,
    "topic" TEXT NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "methodSlug" TEXT,
    "sessionRef" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "registerVersion" INTEGER NOT NULL DEFAULT 0,
    "reminderSentAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkAttendance" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "minutesPresent" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Minutes" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "gatheringId" TEXT,
    "meetingId" TEXT,
    "programmeId" TEXT,
    "networkId" TEXT,
    "authorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "audience" TEXT NOT NULL DEFAULT 'participants',
    "version" INTEGER NOT NULL DEFAULT 1,
    "reviewDeadline" TIMESTAMP(3),
    "closedNotAnswered" TEXT,
    "closedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesVersion" (
    "id" TEXT NOT NULL,
    "minutesId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MinutesVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesReview" (
    "id" TEXT NOT NULL,
    "minutesId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "comment" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MinutesReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Network_contactId_idx" ON "Network"("contactId");

-- CreateIndex
CREATE INDEX "Network_districtId_idx" ON "Network"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Network_municipalityId_name_key" ON "Network"("municipalityId", "name");

-- CreateIndex
CREATE INDEX "NetworkMember_userId_status_idx" ON "NetworkMember"("userId", "status");

-- CreateIndex
CREATE INDEX "NetworkMember_networkId_status_idx" ON "NetworkMember"("networkId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkMember_networkId_userId_key" ON "NetworkMember"("networkId", "userId");

-- CreateIndex
CREATE INDEX "NetworkMaterial_networkId_idx" ON "NetworkMaterial"("networkId");

-- CreateIndex
CREATE INDEX "NetworkMeeting_networkId_startsAt_idx" ON "NetworkMeeting"("networkId", "startsAt");

-- CreateIndex
CREATE INDEX "NetworkMeeting_municipalityId_startsAt_idx" ON "NetworkMeeting"("municipalityId", "startsAt");

-- CreateIndex
CREATE INDEX "NetworkMeeting_reminderSentAt_startsAt_idx" ON "NetworkMeeting"("reminderSentAt", "startsAt");

-- CreateIndex
CREATE INDEX "NetworkAttendance_networkId_userId_idx" ON "NetworkAttendance"("networkId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkAttendance_meetingId_userId_key" ON "NetworkAttendance"("meetingId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_gatheringId_key" ON "Minutes"("gatheringId");

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_meetingId_key" ON "Minutes"("meetingId");

-- CreateIndex
CREATE INDEX "Minutes_municipalityId_status_idx" ON "Minutes"("municipalityId", "status");

-- CreateIndex
CREATE INDEX "Minutes_networkId_idx" ON "Minutes"("networkId");

-- CreateIndex
CREATE INDEX "Minutes_programmeId_idx" ON "Minutes"("programmeId");

-- CreateIndex
CREATE INDEX "Minutes_authorId_idx" ON "Minutes"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesVersion_minutesId_version_key" ON "MinutesVersion"("minutesId", "version");

-- CreateIndex
CREATE INDEX "MinutesReview_userId_status_idx" ON "MinutesReview"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesReview_minutesId_version_userId_key" ON "MinutesReview"("minutesId", "version", "userId");

-- AddForeignKey
ALTER TABLE "NetworkMember" ADD CONSTRAINT "NetworkMember_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMaterial" ADD CONSTRAINT "NetworkMaterial_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMeeting" ADD CONSTRAINT "NetworkMeeting_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkAttendance" ADD CONSTRAINT "NetworkAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "NetworkMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesVersion" ADD CONSTRAINT "MinutesVersion_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesReview" ADD CONSTRAINT "MinutesReview_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
