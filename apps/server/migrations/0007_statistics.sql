CREATE TABLE "statistics_report_files" (
	"job_id" integer PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"age_band_year" smallint NOT NULL,
	CONSTRAINT "statistics_settings_single" CHECK ("statistics_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "unit_figures" (
	"unit_id" integer NOT NULL,
	"metric" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "unit_figures_unit_id_metric_pk" PRIMARY KEY("unit_id","metric")
);
--> statement-breakpoint
CREATE TABLE "unit_monthly_movements" (
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
	"metric" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "unit_monthly_movements_unit_id_month_metric_pk" PRIMARY KEY("unit_id","month","metric")
);
--> statement-breakpoint
CREATE TABLE "unit_workforce" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_workforce_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"workers" integer NOT NULL,
	"female_workers" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" integer,
	CONSTRAINT "unit_workforce_counts_check" CHECK ("unit_workforce"."workers" >= 0 and "unit_workforce"."female_workers" >= 0 and "unit_workforce"."female_workers" <= "unit_workforce"."workers")
);
--> statement-breakpoint
CREATE INDEX "statistics_report_files_created_idx" ON "statistics_report_files" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_workforce_unit_as_of_key" ON "unit_workforce" USING btree ("unit_id","as_of");--> statement-breakpoint
CREATE INDEX "member_events_to_unit_idx" ON "member_events" USING btree ("to_unit_id","effective_on") WHERE "member_events"."to_unit_id" is not null;