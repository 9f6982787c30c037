-- The statistics triggers pass arrays built from transition tables to their statements. Once PL/pgSQL
-- caches a generic plan (after a few one-row edits on a pooled connection) it plans them blind; a
-- join of transition tables planned that way took 12 s instead of 0.19 s for 10,000 rows in the cards
-- benchmark. Plan these statements for what they are given, every time.
ALTER FUNCTION statistics_members_updated() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION statistics_members_inserted() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION statistics_members_deleted() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION statistics_units_updated() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION statistics_units_inserted() SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION statistics_events_inserted() SET plan_cache_mode = force_custom_plan;
