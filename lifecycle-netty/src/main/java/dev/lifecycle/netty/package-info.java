/**
 * Connection governance for Netty: {@link dev.lifecycle.netty.ConnectionGovernor} for servers,
 * {@link dev.lifecycle.netty.ClientConnectionBudget} for clients.
 */
@NullMarked
package dev.lifecycle.netty;

import org.jspecify.annotations.NullMarked;
