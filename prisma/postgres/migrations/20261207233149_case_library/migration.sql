-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "situation" TEXT NOT NULL,
    "question" TEXT NOT NULL DEFAULT '',
    "thoughts" TEXT NOT NULL DEFAULT '',
    "feelings" TEXT NOT NULL DEFAULT '',
    "actions" TEXT NOT NULL DEFAULT '',
    "bodily" TEXT NOT NULL DEFAULT '',
    "serviceType" TEXT,
    "topic" TEXT,
    "method" TEXT,
    "scope" TEXT NOT NULL DEFAULT 'private',
    "requestedScope" TEXT,
    "review" TEXT NOT NULL DEFAULT 'none',
    "reviewComment" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "programmeId" TEXT,
    "networkId" TEXT,
    "gatheringId" TEXT,
    "meetingId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sharedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseVersion" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "fields" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseDismissal" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseReflection" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "hiddenById" TEXT,
    "hiddenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseReflection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseUse" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gatheringId" TEXT,
    "meetingId" TEXT,
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseUse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Case_scope_municipalityId_updatedAt_idx" ON "Case"("scope", "municipalityId", "updatedAt");

-- CreateIndex
CREATE INDEX "Case_ownerId_updatedAt_idx" ON "Case"("ownerId", "updatedAt");

-- CreateIndex
CREATE INDEX "Case_networkId_idx" ON "Case"("networkId");

-- CreateIndex
CREATE INDEX "Case_programmeId_idx" ON "Case"("programmeId");

-- CreateIndex
CREATE INDEX "Case_review_requestedScope_idx" ON "Case"("review", "requestedScope");

-- CreateIndex
CREATE UNIQUE INDEX "CaseVersion_caseId_version_key" ON "CaseVersion"("caseId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDismissal_caseId_fingerprint_key" ON "CaseDismissal"("caseId", "fingerprint");

-- CreateIndex
CREATE INDEX "CaseReflection_caseId_createdAt_idx" ON "CaseReflection"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseUse_gatheringId_idx" ON "CaseUse"("gatheringId");

-- CreateIndex
CREATE INDEX "CaseUse_meetingId_idx" ON "CaseUse"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseUse_caseId_gatheringId_key" ON "CaseUse"("caseId", "gatheringId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseUse_caseId_meetingId_key" ON "CaseUse"("caseId", "meetingId");

-- AddForeignKey
ALTER TABLE "CaseVersion" ADD CONSTRAINT "CaseVersion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDismissal" ADD CONSTRAINT "CaseDismissal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReflection" ADD CONSTRAINT "CaseReflection_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseUse" ADD CONSTRAINT "CaseUse_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over cases (hand-written, Prisma does not model it, so the
-- table is listed in EXTERNAL_TABLES in prisma/tools/engine.ts): one tsvector
-- per case (title weighted A), a GIN index, and a trigger that refreshes it.
-- The migration runner splits on semicolons: the function body is an E'' string with \073 for its own.
CREATE TABLE "CaseSearch" (
    "caseId" TEXT NOT NULL PRIMARY KEY REFERENCES "Case"("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);
CREATE INDEX "CaseSearch_document_idx" ON "CaseSearch" USING GIN ("document");
CREATE FUNCTION "case_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
    INSERT INTO "CaseSearch" ("caseId", "document")
    VALUES (NEW."id",
        setweight(to_tsvector(''norwegian'', coalesce(NEW."title", '''')), ''A'') ||
        to_tsvector(''norwegian'', concat_ws('' '', NEW."situation", NEW."question", NEW."thoughts", NEW."feelings", NEW."actions", NEW."bodily")))
    ON CONFLICT ("caseId") DO UPDATE SET "document" = EXCLUDED."document"\073
    RETURN NEW\073
END';
CREATE TRIGGER "Case_search" AFTER INSERT OR UPDATE OF "title", "situation", "question", "thoughts", "feelings", "actions", "bodily" ON "Case"
    FOR EACH ROW EXECUTE FUNCTION "case_search_refresh"();
