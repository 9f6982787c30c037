-- Statement triggers read transition tables, whose row counts only a custom plan knows: once PL/pgSQL
-- caches a generic plan (after a few one-row edits on a pooled connection) each table counts as one
-- row, and a bulk change of 10,000 members joins them by nested loop (measured: 0.19 s fresh, 12 s
-- after ten one-row updates). Plan these statements for what they hold, every time.
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
