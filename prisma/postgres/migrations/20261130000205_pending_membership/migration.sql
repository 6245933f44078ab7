-- CreateTable
CREATE TABLE "PendingMembership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "unitId" TEXT,
    "programmeId" TEXT,
    "joinedOn" TIMESTAMP(3),
    "name" TEXT NOT NULL,
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingMembership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingMembership_userId_idx" ON "PendingMembership"("userId");

-- CreateIndex
CREATE INDEX "PendingMembership_municipalityId_programmeId_idx" ON "PendingMembership"("municipalityId", "programmeId");

-- AddForeignKey
ALTER TABLE "PendingMembership" ADD CONSTRAINT "PendingMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingMembership" ADD CONSTRAINT "PendingMembership_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;
