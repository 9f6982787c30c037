CREATE TABLE "survey_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"survey_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"group_unit_id" integer NOT NULL,
	"sex" text NOT NULL,
	"age_band" text NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "surveys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"unit_path" text NOT NULL,
	"province_id" integer,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"questions" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"closed_early_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_dates_check" CHECK (closes_on >= opens_on)
);
--> statement-breakpoint
CREATE TABLE "voice_alert_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_alert_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scope_kind" text NOT NULL,
	"category" text,
	"window_days" smallint NOT NULL,
	"baseline_weeks" smallint NOT NULL,
	"min_count" integer NOT NULL,
	"ratio" real NOT NULL,
	"description" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	CONSTRAINT "voice_alert_rules_scope_check" CHECK (scope_kind in ('employer', 'industrial_zone'))
);
--> statement-breakpoint
CREATE TABLE "voice_alerts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"unit_path" text NOT NULL,
	"scope_kind" text NOT NULL,
	"category" text,
	"count" integer NOT NULL,
	"baseline_per_window" real NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" integer
);
--> statement-breakpoint
CREATE TABLE "voice_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_deadline_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_deadline_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"level" text NOT NULL,
	"category" text,
	"working_days" smallint NOT NULL,
	"effective_from" date NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "voice_deadline_rules_level_check" CHECK (level in ('grassroots', 'upper', 'federation', 'confederation')),
	CONSTRAINT "voice_deadline_rules_days_check" CHECK (working_days between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "voice_item_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_item_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"actor_account_id" integer,
	"from_unit_id" integer,
	"to_unit_id" integer,
	"text" text,
	"internal" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"search_text" text NOT NULL,
	"terms" text[] NOT NULL,
	"category" text NOT NULL,
	"category_suggested" text NOT NULL,
	"category_confidence" real NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"scope" text,
	"author_member_id" integer NOT NULL,
	"author_account_id" integer,
	"entered_by_account_id" integer,
	"origin_unit_id" integer NOT NULL,
	"origin_unit_path" text NOT NULL,
	"grassroots_unit_id" integer NOT NULL,
	"province_id" integer,
	"zone_unit_id" integer,
	"sector_unit_id" integer,
	"handling_unit_id" integer NOT NULL,
	"handling_unit_path" text NOT NULL,
	"handling_province_id" integer,
	"handling_since" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"escalations" smallint DEFAULT 0 NOT NULL,
	"support_count" integer DEFAULT 0 NOT NULL,
	"answer_required_at" timestamp with time zone,
	"answer_body" text,
	"answered_at" timestamp with time zone,
	"answered_by_account_id" integer,
	"answered_by_unit_id" integer,
	"answered_on_time" boolean,
	"rating" smallint,
	"rating_comment" text,
	"reopened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "voice_items_kind_check" CHECK (kind in ('concern', 'proposal', 'complaint')),
	CONSTRAINT "voice_items_status_check" CHECK (status in ('received', 'in_progress', 'answered', 'closed')),
	CONSTRAINT "voice_items_category_check" CHECK (category in ('wages', 'working_hours', 'social_insurance', 'safety', 'contracts', 'housing', 'welfare', 'union_activity', 'other')),
	CONSTRAINT "voice_items_scope_check" CHECK ((kind = 'proposal') = (scope is not null)),
	CONSTRAINT "voice_items_anonymous_check" CHECK (not (anonymous and kind = 'proposal')),
	CONSTRAINT "voice_items_rating_check" CHECK (rating is null or rating between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "voice_monthly_counts" (
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"kind" text NOT NULL,
	"unit_type" text NOT NULL,
	"unit_path" text NOT NULL,
	"items" integer NOT NULL,
	"answered" integer NOT NULL,
	"answered_on_time" integer NOT NULL,
	"rating_sum" integer NOT NULL,
	"rating_count" integer NOT NULL,
	CONSTRAINT "voice_monthly_counts_unit_id_month_category_kind_pk" PRIMARY KEY("unit_id","month","category","kind")
);
--> statement-breakpoint
CREATE TABLE "voice_support_thresholds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_support_thresholds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scope" text NOT NULL,
	"min_supports" integer NOT NULL,
	"effective_from" date NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "voice_support_thresholds_scope_check" CHECK (scope in ('unit', 'province'))
);
--> statement-breakpoint
CREATE TABLE "voice_supports" (
	"item_id" bigint NOT NULL,
	"member_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voice_supports_item_id_member_id_pk" PRIMARY KEY("item_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "voice_term_counts" (
	"province_id" integer NOT NULL,
	"month" date NOT NULL,
	"term" text NOT NULL,
	"items" integer NOT NULL,
	CONSTRAINT "voice_term_counts_province_id_month_term_pk" PRIMARY KEY("province_id","month","term")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_once_key" ON "survey_responses" USING btree ("survey_id","member_id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id","id");--> statement-breakpoint
CREATE INDEX "surveys_path_idx" ON "surveys" USING btree (unit_path text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "voice_alerts_path_idx" ON "voice_alerts" USING btree (unit_path text_pattern_ops,"raised_at");--> statement-breakpoint
CREATE INDEX "voice_alerts_unit_idx" ON "voice_alerts" USING btree ("unit_id","rule_id","raised_at");--> statement-breakpoint
CREATE INDEX "voice_attachments_item_idx" ON "voice_attachments" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "voice_item_events_item_idx" ON "voice_item_events" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "voice_items_open_unit_idx" ON "voice_items" USING btree ("handling_unit_id","due_at") WHERE status in ('received', 'in_progress');--> statement-breakpoint
CREATE INDEX "voice_items_open_province_idx" ON "voice_items" USING btree ("handling_province_id","due_at") WHERE status in ('received', 'in_progress');--> statement-breakpoint
CREATE INDEX "voice_items_open_due_idx" ON "voice_items" USING btree ("due_at") WHERE status in ('received', 'in_progress');--> statement-breakpoint
CREATE INDEX "voice_items_handling_path_idx" ON "voice_items" USING btree (handling_unit_path text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "voice_items_author_idx" ON "voice_items" USING btree ("author_member_id","id");--> statement-breakpoint
CREATE INDEX "voice_items_public_unit_idx" ON "voice_items" USING btree ("grassroots_unit_id","id") WHERE kind = 'proposal';--> statement-breakpoint
CREATE INDEX "voice_items_public_province_idx" ON "voice_items" USING btree ("province_id","id") WHERE kind = 'proposal' and scope = 'province';--> statement-breakpoint
CREATE INDEX "voice_items_employer_idx" ON "voice_items" USING btree ("grassroots_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "voice_items_zone_idx" ON "voice_items" USING btree ("zone_unit_id","created_at") WHERE zone_unit_id is not null;--> statement-breakpoint
CREATE INDEX "voice_items_province_created_idx" ON "voice_items" USING btree ("province_id","created_at");--> statement-breakpoint
CREATE INDEX "voice_monthly_counts_type_idx" ON "voice_monthly_counts" USING btree ("unit_type","month",unit_path text_pattern_ops);--> statement-breakpoint
-- A commune's inbox: its open items by path, in deadline order (the province's index would walk the province).
CREATE INDEX voice_items_open_path_idx ON voice_items (handling_unit_path text_pattern_ops, due_at)
  WHERE status in ('received', 'in_progress');
--> statement-breakpoint
-- Emerging topics below a province count the subtree's recent items.
CREATE INDEX voice_items_origin_path_idx ON voice_items (origin_unit_path text_pattern_ops, created_at);
--> statement-breakpoint
ALTER TABLE voice_item_events ADD CONSTRAINT voice_item_events_item_fk FOREIGN KEY (item_id) REFERENCES voice_items(id);
--> statement-breakpoint
ALTER TABLE voice_supports ADD CONSTRAINT voice_supports_item_fk FOREIGN KEY (item_id) REFERENCES voice_items(id);
--> statement-breakpoint
ALTER TABLE voice_attachments ADD CONSTRAINT voice_attachments_item_fk FOREIGN KEY (item_id) REFERENCES voice_items(id);
--> statement-breakpoint
ALTER TABLE voice_alerts ADD CONSTRAINT voice_alerts_rule_fk FOREIGN KEY (rule_id) REFERENCES voice_alert_rules(id);
--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_survey_fk FOREIGN KEY (survey_id) REFERENCES surveys(id);
--> statement-breakpoint
-- Monthly counts per origin unit and every unit above it. The rows a statement changed are netted by
-- (origin path, month, category, kind) first, then spread over the path's units: an import of a
-- million items touches each counter row once.
CREATE FUNCTION voice_counts_apply(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO voice_monthly_counts AS c
    (unit_id, month, category, kind, unit_type, unit_path, items, answered, answered_on_time, rating_sum, rating_count)
  SELECT u.id, d.month, d.category, d.kind, u.type, u.path,
         sum(d.items), sum(d.answered), sum(d.on_time), sum(d.rating_sum), sum(d.rating_count)
  FROM jsonb_to_recordset(deltas) AS d(path text, month date, category text, kind text, items int, answered int,
                                        on_time int, rating_sum int, rating_count int)
  CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from d.path), '/')::int[]) AS a(unit_id)
  JOIN units u ON u.id = a.unit_id
  GROUP BY u.id, d.month, d.category, d.kind, u.type, u.path
  -- One order for every writer: two items raised at once lock the shared rows in the same order, never in a cycle.
  ORDER BY u.id, d.month, d.category, d.kind
  ON CONFLICT (unit_id, month, category, kind) DO UPDATE SET
    items = c.items + excluded.items,
    answered = c.answered + excluded.answered,
    answered_on_time = c.answered_on_time + excluded.answered_on_time,
    rating_sum = c.rating_sum + excluded.rating_sum,
    rating_count = c.rating_count + excluded.rating_count
$$;
--> statement-breakpoint
-- One function per operation: a transition table exists only for the operations that have it.
CREATE FUNCTION voice_items_counted_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  WITH changed AS (
    SELECT origin_unit_path AS path, (date_trunc('month', created_at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::date AS month,
           category, kind, 1 AS sign, answered_at IS NOT NULL AS answered, coalesce(answered_on_time, false) AS on_time, rating
    FROM new_rows
  ), netted AS (
    SELECT path, month, category, kind, sum(sign) AS items, sum(sign * answered::int) AS answered,
           sum(sign * on_time::int) AS on_time, sum(sign * coalesce(rating, 0)) AS rating_sum,
           sum(sign * (rating IS NOT NULL)::int) AS rating_count
    FROM changed GROUP BY path, month, category, kind
  )
  SELECT jsonb_agg(to_jsonb(netted)) INTO deltas FROM netted
  WHERE items <> 0 OR answered <> 0 OR on_time <> 0 OR rating_sum <> 0 OR rating_count <> 0;
  IF deltas IS NOT NULL THEN PERFORM voice_counts_apply(deltas); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION voice_items_counted_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  WITH changed AS (
    SELECT origin_unit_path AS path, (date_trunc('month', created_at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::date AS month,
           category, kind, 1 AS sign, answered_at IS NOT NULL AS answered, coalesce(answered_on_time, false) AS on_time, rating
    FROM new_rows
    UNION ALL
    SELECT origin_unit_path AS path, (date_trunc('month', created_at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::date AS month,
           category, kind, -1 AS sign, answered_at IS NOT NULL AS answered, coalesce(answered_on_time, false) AS on_time, rating
    FROM old_rows
  ), netted AS (
    SELECT path, month, category, kind, sum(sign) AS items, sum(sign * answered::int) AS answered,
           sum(sign * on_time::int) AS on_time, sum(sign * coalesce(rating, 0)) AS rating_sum,
           sum(sign * (rating IS NOT NULL)::int) AS rating_count
    FROM changed GROUP BY path, month, category, kind
  )
  SELECT jsonb_agg(to_jsonb(netted)) INTO deltas FROM netted
  WHERE items <> 0 OR answered <> 0 OR on_time <> 0 OR rating_sum <> 0 OR rating_count <> 0;
  IF deltas IS NOT NULL THEN PERFORM voice_counts_apply(deltas); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION voice_items_counted_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  WITH changed AS (
    SELECT origin_unit_path AS path, (date_trunc('month', created_at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::date AS month,
           category, kind, -1 AS sign, answered_at IS NOT NULL AS answered, coalesce(answered_on_time, false) AS on_time, rating
    FROM old_rows
  ), netted AS (
    SELECT path, month, category, kind, sum(sign) AS items, sum(sign * answered::int) AS answered,
           sum(sign * on_time::int) AS on_time, sum(sign * coalesce(rating, 0)) AS rating_sum,
           sum(sign * (rating IS NOT NULL)::int) AS rating_count
    FROM changed GROUP BY path, month, category, kind
  )
  SELECT jsonb_agg(to_jsonb(netted)) INTO deltas FROM netted
  WHERE items <> 0 OR answered <> 0 OR on_time <> 0 OR rating_sum <> 0 OR rating_count <> 0;
  IF deltas IS NOT NULL THEN PERFORM voice_counts_apply(deltas); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Topic terms per province and month, and for the whole country under province 0.
CREATE FUNCTION voice_terms_counted_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO voice_term_counts AS c (province_id, month, term, items)
  SELECT p.province_id, t.month, t.term, 1 * count(*)
  FROM (
    SELECT coalesce(province_id, 0) AS province_id,
           (date_trunc('month', created_at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::date AS month, unnest(terms) AS term
    FROM new_rows
  ) t
  CROSS JOIN LATERAL (VALUES (t.province_id), (0)) AS p(province_id)
  WHERE t.province_id <> 0 OR p.province_id = 0
  GROUP BY p.province_id, t.month, t.term
  ORDER BY p.province_id, t.month, t.term
  ON CONFLICT (province_id, month, term) DO UPDATE SET items = c.items + excluded.items;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION voice_terms_counted_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO voice_term_counts AS c (province_id, month, term, items)
  SELECT p.province_id, t.month, t.term, -1 * count(*)
  FROM (
    SELECT coalesce(province_id, 0) AS province_id,
           (date_trunc('month', created_at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::date AS month, unnest(terms) AS term
    FROM old_rows
  ) t
  CROSS JOIN LATERAL (VALUES (t.province_id), (0)) AS p(province_id)
  WHERE t.province_id <> 0 OR p.province_id = 0
  GROUP BY p.province_id, t.month, t.term
  ORDER BY p.province_id, t.month, t.term
  ON CONFLICT (province_id, month, term) DO UPDATE SET items = c.items + excluded.items;
  RETURN NULL;
END $$;
--> statement-breakpoint
ALTER FUNCTION voice_items_counted_insert() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION voice_items_counted_update() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION voice_items_counted_delete() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION voice_terms_counted_insert() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION voice_terms_counted_delete() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
CREATE TRIGGER voice_items_counted_insert AFTER INSERT ON voice_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION voice_items_counted_insert();
--> statement-breakpoint
-- Every update passes through (a column list cannot have transition tables); unchanged counts net to nothing.
CREATE TRIGGER voice_items_counted_update AFTER UPDATE ON voice_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION voice_items_counted_update();
--> statement-breakpoint
CREATE TRIGGER voice_items_counted_delete AFTER DELETE ON voice_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION voice_items_counted_delete();
--> statement-breakpoint
CREATE TRIGGER voice_terms_counted_insert AFTER INSERT ON voice_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION voice_terms_counted_insert();
--> statement-breakpoint
CREATE TRIGGER voice_terms_counted_delete AFTER DELETE ON voice_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION voice_terms_counted_delete();
--> statement-breakpoint
-- The platform's starting rules; each federation's own rules are new dated rows, never code.
INSERT INTO voice_deadline_rules (level, category, working_days, effective_from, source) VALUES
  ('grassroots', NULL, 10, '2024-01-01', 'Mặc định của Công đoàn số: ban chấp hành CĐCS trả lời trong 10 ngày làm việc'),
  ('grassroots', 'wages', 5, '2024-01-01', 'Mặc định của Công đoàn số: tiền lương, nợ lương cần xử lý sớm'),
  ('grassroots', 'safety', 3, '2024-01-01', 'Mặc định của Công đoàn số: an toàn lao động cần xử lý ngay'),
  ('grassroots', 'social_insurance', 7, '2024-01-01', 'Mặc định của Công đoàn số'),
  ('upper', NULL, 10, '2024-01-01', 'Mặc định của Công đoàn số: công đoàn cấp trên trực tiếp cơ sở'),
  ('upper', 'safety', 5, '2024-01-01', 'Mặc định của Công đoàn số'),
  ('federation', NULL, 15, '2024-01-01', 'Mặc định của Công đoàn số: LĐLĐ tỉnh, công đoàn ngành'),
  ('confederation', NULL, 20, '2024-01-01', 'Mặc định của Công đoàn số: Tổng Liên đoàn');
--> statement-breakpoint
INSERT INTO voice_support_thresholds (scope, min_supports, effective_from, source) VALUES
  ('unit', 20, '2024-01-01', 'Mặc định của Công đoàn số: 20 đoàn viên ủng hộ thì CĐCS phải trả lời chính thức'),
  ('province', 200, '2024-01-01', 'Mặc định của Công đoàn số: 200 đoàn viên ủng hộ thì LĐLĐ tỉnh phải trả lời chính thức');
--> statement-breakpoint
INSERT INTO voice_alert_rules (scope_kind, category, window_days, baseline_weeks, min_count, ratio, description, effective_from) VALUES
  ('employer', 'wages', 7, 8, 5, 3,
   'Ý kiến về tiền lương, nợ lương của một doanh nghiệp trong 7 ngày: từ 5 trở lên và gấp 3 lần mức thường (8 tuần trước) — dấu hiệu nguy cơ ngừng việc tập thể', '2024-01-01'),
  ('employer', NULL, 7, 8, 10, 3,
   'Mọi ý kiến của một doanh nghiệp trong 7 ngày: từ 10 trở lên và gấp 3 lần mức thường (8 tuần trước)', '2024-01-01'),
  ('industrial_zone', 'wages', 7, 8, 15, 2.5,
   'Ý kiến về tiền lương trong một khu công nghiệp trong 7 ngày: từ 15 trở lên và gấp 2,5 lần mức thường (8 tuần trước)', '2024-01-01');
--> statement-breakpoint
INSERT INTO role_permissions (role, permission)
SELECT role, permission FROM (VALUES
  ('confederation_admin', ARRAY['voice.handle', 'voice.enter', 'voice.analytics', 'voice.surveys']),
  ('federation_officer', ARRAY['voice.handle', 'voice.enter', 'voice.analytics', 'voice.surveys']),
  ('upper_union_officer', ARRAY['voice.handle', 'voice.enter', 'voice.analytics', 'voice.surveys']),
  ('grassroots_chair', ARRAY['voice.handle', 'voice.enter', 'voice.analytics', 'voice.surveys']),
  ('grassroots_officer', ARRAY['voice.handle', 'voice.enter', 'voice.analytics', 'voice.surveys'])
) AS grants(role, permissions), unnest(permissions) AS permission;
