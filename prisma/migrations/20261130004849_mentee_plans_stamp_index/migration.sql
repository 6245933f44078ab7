-- CreateIndex
CREATE INDEX "MenteePlan_municipalityId_updatedAt_idx" ON "MenteePlan"("municipalityId", "updatedAt");
