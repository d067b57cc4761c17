/**
 * The group seeding funnel of the Gaozi case: one-to-one service on day 0, then same-tag cohort groups
 * with seeding days (种草) and concentrated conversion days (集中转化).
 *
 * <p>{@link io.siyu.rules.funnel.FunnelConfig} reads {@code funnel.json}; a pure state machine moves
 * immutable {@link io.siyu.rules.funnel.Journey}s on {@link io.siyu.rules.funnel.FunnelEvent}s and day
 * boundaries; {@link io.siyu.rules.funnel.Funnel} runs it over a
 * {@link io.siyu.rules.funnel.FunnelStore} (journeys, the event journal, groups and the day reached:
 * in memory, or in a database with module rules-jdbc) with cohort groups and a clock, and plans each group's
 * day with the content a rule pack chooses ({@code RulePack.planFor});
 * {@link io.siyu.rules.funnel.FunnelReport} and {@link io.siyu.rules.funnel.FunnelForecast} give the
 * numbers; {@link io.siyu.rules.funnel.FunnelJson} stores journeys and events. The format and the
 * state diagram are documented in {@code docs/funnel.md}.
 *
 * <p>A host records what its CRM reports with {@link io.siyu.rules.funnel.Funnel#record}, calls
 * {@link io.siyu.rules.funnel.Funnel#advance()} once a day, and asks for the day's plan and the report.
 *
 * <p><b>Conventions.</b> Unless a method says otherwise, arguments must not be null (a null argument
 * throws {@link java.lang.NullPointerException}), and no method returns null; absent values are
 * {@link java.util.Optional} or empty collections. The exception is {@link io.siyu.rules.funnel.Journey}:
 * kept compact for a million customers, its {@code startDate}, {@code convertedIn}, {@code leftIn} and
 * {@code lastEventId} are null when absent. Units: money in fen (1/100 yuan), funnel days counted from
 * day 0 (the date of the customer's first event in the funnel's timezone), rates from 0 to 1. Returned
 * collections are unmodifiable unless a method says otherwise. Each type says whether it is thread-safe;
 * all of this package's are, values being immutable.
 */
package io.siyu.rules.funnel;
