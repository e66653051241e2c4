/**
 * The quickstart: Luxaris's main job end to end on an embedded H2 database, as a host application would do it.
 * {@link io.luxaris.examples.quickstart.Quickstart} reads the command line; {@code QuickstartRun} holds the steps
 * (storage and encryption, channels, accounts, template, suggestions, schedules, publishing, calendar);
 * {@code QuickstartChannels} decides dry run or real from the environment; {@code ProgressBar} listens to
 * Luxaris's lifecycle events; {@code CalendarTable} prints the results.
 */
@NullMarked
package io.luxaris.examples.quickstart;

import org.jspecify.annotations.NullMarked;
