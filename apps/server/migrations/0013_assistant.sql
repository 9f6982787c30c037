CREATE TABLE "assistant_conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" integer,
	"member_id" integer,
	"memory" jsonb DEFAULT '{}' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistant_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assistant_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"conversation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"text" text NOT NULL,
	"outcome" text,
	"citations" jsonb DEFAULT '[]' NOT NULL,
	"formula" text,
	"confidence" real,
	"answer_version_id" integer,
	"author_account_id" integer,
	"author_name" text,
	"helpful" boolean,
	"feedback_comment" text,
	"feedback_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "curated_answer_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"answer_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"topic" text NOT NULL,
	"questions" text[] NOT NULL,
	"answer" text NOT NULL,
	"citations" jsonb NOT NULL,
	"calculator" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"author_account_id" integer,
	"author_name" text NOT NULL,
	"reviewer_account_id" integer,
	"reviewer_name" text,
	"review_note" text,
	"from_case_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "curated_answer_versions_answer_version" UNIQUE("answer_id","version")
);
--> statement-breakpoint
CREATE TABLE "curated_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curated_answers_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "legal_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"clauses" jsonb DEFAULT '[]' NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"effective_from" date,
	"source_url" text,
	"verified" text,
	CONSTRAINT "legal_articles_document_number" UNIQUE("document_id","number")
);
--> statement-breakpoint
CREATE TABLE "legal_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"question" text NOT NULL,
	"reason" text NOT NULL,
	"handling_unit_id" integer NOT NULL,
	"handling_unit_path" text NOT NULL,
	"member_id" integer,
	"account_id" integer,
	"contact_name" text,
	"contact_phone" text,
	"assignee_account_id" integer,
	"assignee_name" text,
	"draft_answer_id" integer,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "legal_cases_conversation_id_unique" UNIQUE("conversation_id")
);
--> statement-breakpoint
CREATE TABLE "legal_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"short_title" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"amends" text[] DEFAULT '{}' NOT NULL,
	"replaces" text[] DEFAULT '{}' NOT NULL,
	"source_url" text,
	"source_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_documents_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "legal_knowledge_seeds" (
	"name" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_rates" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"region" text,
	"value" numeric NOT NULL,
	"unit" text,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"document" text NOT NULL,
	"article" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assistant_messages" ADD CONSTRAINT "assistant_messages_conversation_id_assistant_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."assistant_conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curated_answer_versions" ADD CONSTRAINT "curated_answer_versions_answer_id_curated_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."curated_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_articles" ADD CONSTRAINT "legal_articles_document_id_legal_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."legal_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_cases" ADD CONSTRAINT "legal_cases_conversation_id_assistant_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."assistant_conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistant_conversations_account" ON "assistant_conversations" USING btree ("account_id","last_at") WHERE account_id is not null;--> statement-breakpoint
CREATE INDEX "assistant_messages_conversation" ON "assistant_messages" USING btree ("conversation_id","id");--> statement-breakpoint
CREATE INDEX "assistant_messages_feedback" ON "assistant_messages" USING btree ("helpful","feedback_at") WHERE helpful is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "curated_answer_versions_one_live" ON "curated_answer_versions" USING btree ("answer_id") WHERE status = 'live';--> statement-breakpoint
CREATE INDEX "curated_answer_versions_status" ON "curated_answer_versions" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "legal_cases_queue" ON "legal_cases" USING btree ("handling_unit_path" text_pattern_ops,"status","id");--> statement-breakpoint
CREATE INDEX "legal_cases_assignee" ON "legal_cases" USING btree ("assignee_account_id","status") WHERE assignee_account_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_rates_key_region_from" ON "legal_rates" USING btree ("key",coalesce("region", ''),"effective_from");--> statement-breakpoint
-- Consultation cases are confidential: only legal advisers handle them. Knowledge is edited by advisers
-- and the Confederation, and a version goes live only when someone other than its author approves it.
INSERT INTO role_permissions (role, permission)
SELECT role, permission FROM (VALUES
  ('legal_adviser', ARRAY['legal.consult', 'legal.knowledge.edit', 'legal.knowledge.review']),
  ('confederation_admin', ARRAY['legal.knowledge.edit', 'legal.knowledge.review'])
) AS grants(role, permissions), unnest(permissions) AS permission;
