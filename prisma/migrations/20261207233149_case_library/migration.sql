-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "reviewedAt" DATETIME,
    "programmeId" TEXT,
    "networkId" TEXT,
    "gatheringId" TEXT,
    "meetingId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sharedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CaseVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "fields" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseVersion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseDismissal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseDismissal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseReflection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "hiddenById" TEXT,
    "hiddenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseReflection_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseUse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "gatheringId" TEXT,
    "meetingId" TEXT,
    "addedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseUse_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

-- Full-text search over cases (hand-written, Prisma does not model it, so the
-- table and its FTS5 shadow tables are listed in EXTERNAL_TABLES in
-- prisma/tools/engine.ts). External content: the index reads the text from
-- "Case" by rowid, and three triggers keep it in step. A migration that
-- rebuilds "Case" (RedefineTables) drops these triggers and changes rowids:
-- recreate the triggers and run INSERT INTO "CaseSearch"("CaseSearch") VALUES('rebuild').
CREATE VIRTUAL TABLE "CaseSearch" USING fts5(
    "title", "situation", "question", "thoughts", "feelings", "actions", "bodily",
    content='Case', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER "Case_search_insert" AFTER INSERT ON "Case" BEGIN
    INSERT INTO "CaseSearch"(rowid, "title", "situation", "question", "thoughts", "feelings", "actions", "bodily")
    VALUES (new.rowid, new."title", new."situation", new."question", new."thoughts", new."feelings", new."actions", new."bodily");
END;
CREATE TRIGGER "Case_search_delete" AFTER DELETE ON "Case" BEGIN
    INSERT INTO "CaseSearch"("CaseSearch", rowid, "title", "situation", "question", "thoughts", "feelings", "actions", "bodily")
    VALUES ('delete', old.rowid, old."title", old."situation", old."question", old."thoughts", old."feelings", old."actions", old."bodily");
END;
CREATE TRIGGER "Case_search_update" AFTER UPDATE OF "title", "situation", "question", "thoughts", "feelings", "actions", "bodily" ON "Case" BEGIN
    INSERT INTO "CaseSearch"("CaseSearch", rowid, "title", "situation", "question", "thoughts", "feelings", "actions", "bodily")
    VALUES ('delete', old.rowid, old."title", old."situation", old."question", old."thoughts", old."feelings", old."actions", old."bodily");
    INSERT INTO "CaseSearch"(rowid, "title", "situation", "question", "thoughts", "feelings", "actions", "bodily")
    VALUES (new.rowid, new."title", new."situation", new."question", new."thoughts", new."feelings", new."actions", new."bodily");
END;
