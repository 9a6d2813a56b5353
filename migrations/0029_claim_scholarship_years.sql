ALTER TABLE "claim_scholarships" DROP CONSTRAINT "claim_scholarships_status_check";--> statement-breakpoint
ALTER TABLE "claim_scholarships" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "claim_scholarships" ADD CONSTRAINT "claim_scholarships_ended_check" CHECK (("claim_scholarships"."status" = 'ended') = ("claim_scholarships"."end_reason" is not null));--> statement-breakpoint
ALTER TABLE "claim_scholarships" ADD CONSTRAINT "claim_scholarships_status_check" CHECK ("claim_scholarships"."status" in ('scheduled', 'paid', 'ended'));