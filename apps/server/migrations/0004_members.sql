CREATE SEQUENCE "public"."member_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"account_id" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "member_corrections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_corrections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"unit_path" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"changes" jsonb NOT NULL,
	"note" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"decision_reason" text,
	CONSTRAINT "member_corrections_status_check" CHECK ("member_corrections"."status" in ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "member_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"type" text NOT NULL,
	"effective_on" date NOT NULL,
	"unit_id" integer NOT NULL,
	"to_unit_id" integer,
	"reason" text,
	"decision_ref" text,
	"changes" jsonb,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" integer
);
--> statement-breakpoint
CREATE TABLE "member_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"unit_path" text NOT NULL,
	"filename" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file" "bytea",
	"rows_done" integer DEFAULT 0 NOT NULL,
	"admitted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_transfers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"from_unit_id" integer NOT NULL,
	"from_unit_path" text NOT NULL,
	"to_unit_id" integer NOT NULL,
	"to_unit_path" text NOT NULL,
	"requested_by" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by_account" integer,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"decision_reason" text,
	CONSTRAINT "member_transfers_side_check" CHECK ("member_transfers"."requested_by" in ('sending', 'receiving')),
	CONSTRAINT "member_transfers_status_check" CHECK ("member_transfers"."status" in ('pending', 'accepted', 'rejected', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_code" text NOT NULL,
	"unit_id" integer NOT NULL,
	"grassroots_unit_id" integer NOT NULL,
	"unit_path" text NOT NULL,
	"province_id" integer,
	"status" text NOT NULL,
	"honorary" boolean DEFAULT false NOT NULL,
	"dues_exempt" boolean DEFAULT false NOT NULL,
	"full_name" text NOT NULL,
	"full_name_folded" text NOT NULL,
	"sort_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"citizen_id" text,
	"legacy_id_number" text,
	"passport_number" text,
	"nationality" text DEFAULT 'VN' NOT NULL,
	"ethnicity" text,
	"religion" text,
	"sensitive_consent_at" timestamp with time zone,
	"sensitive_consent_by" integer,
	"phone" text,
	"email" text,
	"address_line" text,
	"province_code" text,
	"commune_code" text,
	"employer_name" text,
	"employer_folded" text,
	"employer_tax_code" text,
	"contract_type" text,
	"contract_months" smallint,
	"occupation" text,
	"qualification" text,
	"insured_salary" bigint,
	"card_number" text,
	"union_position" text,
	"joined_at" date NOT NULL,
	"admitted_by_unit_id" integer,
	"account_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_status_check" CHECK ("members"."status" in ('active', 'suspended', 'left', 'expelled', 'deceased')),
	CONSTRAINT "members_sex_check" CHECK ("members"."sex" in ('male', 'female')),
	CONSTRAINT "members_contract_check" CHECK ("members"."contract_type" is null or "members"."contract_type" in ('indefinite', 'fixed_term', 'none')),
	CONSTRAINT "members_sensitive_consent_check" CHECK (("members"."ethnicity" is null and "members"."religion" is null) or "members"."sensitive_consent_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "member_corrections" ADD CONSTRAINT "member_corrections_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("status","lease_until");--> statement-breakpoint
CREATE INDEX "jobs_account_idx" ON "jobs" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_corrections_one_pending" ON "member_corrections" USING btree ("member_id") WHERE "member_corrections"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "member_corrections_path_idx" ON "member_corrections" USING btree ("unit_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "member_events_member_idx" ON "member_events" USING btree ("member_id","effective_on","id");--> statement-breakpoint
CREATE INDEX "member_events_unit_idx" ON "member_events" USING btree ("unit_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "member_transfers_one_pending" ON "member_transfers" USING btree ("member_id") WHERE "member_transfers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "member_transfers_to_idx" ON "member_transfers" USING btree ("to_unit_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "member_transfers_from_idx" ON "member_transfers" USING btree ("from_unit_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "members_member_code_key" ON "members" USING btree ("member_code");--> statement-breakpoint
CREATE UNIQUE INDEX "members_citizen_id_key" ON "members" USING btree ("citizen_id") WHERE "members"."citizen_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "members_passport_key" ON "members" USING btree ("nationality","passport_number") WHERE "members"."passport_number" is not null;--> statement-breakpoint
CREATE INDEX "members_unit_path_idx" ON "members" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_unit_sort_idx" ON "members" USING btree ("unit_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "members_province_name_idx" ON "members" USING btree ("province_id","full_name_folded" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "members_name_idx" ON "members" USING btree ("full_name_folded" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "members_province_sort_idx" ON "members" USING btree ("province_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "members_phone_idx" ON "members" USING btree ("phone") WHERE "members"."phone" is not null;--> statement-breakpoint
CREATE INDEX "members_legacy_id_idx" ON "members" USING btree ("legacy_id_number") WHERE "members"."legacy_id_number" is not null;--> statement-breakpoint
CREATE INDEX "members_account_idx" ON "members" USING btree ("account_id") WHERE "members"."account_id" is not null;