ALTER TABLE "member_events" ADD COLUMN "application_date" date;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD COLUMN "decision_ref" text;