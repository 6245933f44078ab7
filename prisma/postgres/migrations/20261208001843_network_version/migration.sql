-- CreateTable
CREATE TABLE "NetworkReportVersion" (
    "municipalityId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NetworkReportVersion_pkey" PRIMARY KEY ("municipalityId")
);
-- Hand-written (keep when regenerating). "NetworkReportVersion"."version" is raised
-- in the same transaction as every change that alters a municipality's network
-- report (networks, members, meetings, attendance, a member's name), so a cached
-- report is valid exactly while its version is current, on any number of app
-- instances (app/modules/networks/report.server.ts).
CREATE FUNCTION "mn_network_version"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  IF TG_OP <> ''INSERT'' THEN INSERT INTO "NetworkReportVersion" ("municipalityId", "version") SELECT OLD."municipalityId", 1 WHERE OLD."municipalityId" IS NOT NULL ON CONFLICT ("municipalityId") DO UPDATE SET "version" = "NetworkReportVersion"."version" + 1\073 END IF\073
  IF TG_OP <> ''DELETE'' THEN INSERT INTO "NetworkReportVersion" ("municipalityId", "version") SELECT NEW."municipalityId", 1 WHERE NEW."municipalityId" IS NOT NULL ON CONFLICT ("municipalityId") DO UPDATE SET "version" = "NetworkReportVersion"."version" + 1\073 END IF\073
  RETURN NULL\073
END';
CREATE FUNCTION "mn_network_version_by_network"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  IF TG_OP <> ''INSERT'' THEN INSERT INTO "NetworkReportVersion" ("municipalityId", "version") SELECT (SELECT "municipalityId" FROM "Network" WHERE "id" = OLD."networkId"), 1 WHERE (SELECT "municipalityId" FROM "Network" WHERE "id" = OLD."networkId") IS NOT NULL ON CONFLICT ("municipalityId") DO UPDATE SET "version" = "NetworkReportVersion"."version" + 1\073 END IF\073
  IF TG_OP <> ''DELETE'' THEN INSERT INTO "NetworkReportVersion" ("municipalityId", "version") SELECT (SELECT "municipalityId" FROM "Network" WHERE "id" = NEW."networkId"), 1 WHERE (SELECT "municipalityId" FROM "Network" WHERE "id" = NEW."networkId") IS NOT NULL ON CONFLICT ("municipalityId") DO UPDATE SET "version" = "NetworkReportVersion"."version" + 1\073 END IF\073
  RETURN NULL\073
END';
CREATE FUNCTION "mn_user_network_version"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "NetworkReportVersion" ("municipalityId", "version") SELECT DISTINCT n."municipalityId", 1 FROM "NetworkMember" nm JOIN "Network" n ON n."id" = nm."networkId" WHERE nm."userId" = NEW."id" ON CONFLICT ("municipalityId") DO UPDATE SET "version" = "NetworkReportVersion"."version" + 1\073 RETURN NULL\073 END';
CREATE TRIGGER "Network_networkVersion" AFTER INSERT OR UPDATE OR DELETE ON "Network" FOR EACH ROW EXECUTE FUNCTION "mn_network_version"();
CREATE TRIGGER "NetworkMeeting_networkVersion" AFTER INSERT OR UPDATE OR DELETE ON "NetworkMeeting" FOR EACH ROW EXECUTE FUNCTION "mn_network_version"();
CREATE TRIGGER "NetworkMember_networkVersion" AFTER INSERT OR UPDATE OR DELETE ON "NetworkMember" FOR EACH ROW EXECUTE FUNCTION "mn_network_version_by_network"();
CREATE TRIGGER "NetworkAttendance_networkVersion" AFTER INSERT OR UPDATE OR DELETE ON "NetworkAttendance" FOR EACH ROW EXECUTE FUNCTION "mn_network_version_by_network"();
CREATE TRIGGER "User_networkVersion" AFTER UPDATE OF "name" ON "User" FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "mn_user_network_version"();
