/**
 * The group seeding funnel of the Gaozi case: one-to-one service on day 0, then same-tag cohort groups
 * with seeding days (种草) and concentrated conversion days (集中转化).
 *
 * <p>{@link io.siyu.rules.funnel.FunnelConfig} reads {@code funnel.json}; a pure state machine moves
 * immutable {@link io.siyu.rules.funnel.Journey}s on {@link io.siyu.rules.funnel.FunnelEvent}s and day
 * boundaries; {@link io.siyu.rules.funnel.Funnel} runs it over a
 * {@link io.siyu.rules.funnel.JourneyStore} with cohort groups and a clock, and plans each group's
 * day with the content a rule pack chooses ({@code RulePack.planFor});
 * {@link io.siyu.rules.funnel.FunnelReport} and {@link io.siyu.rules.funnel.FunnelForecast} give the
 * numbers; {@link io.siyu.rules.funnel.FunnelJson} stores journeys and events. The format and the
 * state diagram are documented in {@code docs/funnel.md}.
 */
package io.siyu.rules.funnel;
