-- Hand-written: at most one active (not revoked) diploma per person and programme.
CREATE UNIQUE INDEX "Diploma_one_active_per_holder" ON "Diploma"("programmeId", "userId") WHERE "revokedAt" IS NULL;
