ALTER TABLE "enrolments" DROP CONSTRAINT "enrolments_source_id_sources_id_fk";
