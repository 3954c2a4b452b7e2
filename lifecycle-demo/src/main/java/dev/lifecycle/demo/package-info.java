/**
 * The outage replays: each scenario runs a postmortem's code as it was written and again with
 * lifecycle, against real sockets and a real database, and reports side by side what happened.
 */
@NullMarked
package dev.lifecycle.demo;

import org.jspecify.annotations.NullMarked;
