package dev.lifecycle.netty;

import dev.lifecycle.core.ConnectionGate;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The governor's handler on one child channel: releases its admission when it goes inactive (its
 * close future does too; the admission is exactly-once) and closes it when it is idle too long.
 * Runs on the channel's event loop only.
 */
final class GovernedChannel extends ChannelDuplexHandler implements Runnable {
  private final ConnectionGovernor governor;
  private @Nullable ChannelHandlerContext ctx;
  private @Nullable ScheduledFuture<?> check;
  private long lastRead;
  private long lastWrite;

  GovernedChannel(ConnectionGovernor governor) {
    this.governor = governor;
  }

  private boolean reaps() {
    return governor.readIdleNanos > 0 || governor.writeIdleNanos > 0 || governor.allIdleNanos > 0
        || governor.pressureIdleNanos > 0;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  private void start(ChannelHandlerContext ctx) {
    if (check != null || !reaps()) {
      return;
    }
    long now = System.nanoTime();
    lastRead = now;
    lastWrite = now;
    check = ctx.executor().schedule(this, nextCheck(0, 0, 0), TimeUnit.NANOSECONDS);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (check != null) {
      lastRead = System.nanoTime();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (check != null) {
      lastWrite = System.nanoTime();
    }
    ChannelFuture unused = ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ScheduledFuture<?> pending = check;
    if (pending != null) {
      pending.cancel(false);
    }
    ConnectionGate.Admission admission = ctx.channel().attr(ConnectionGovernor.ADMISSION).get();
    if (admission != null) {
      admission.release();
    }
    ctx.fireChannelInactive();
  }

  /** One idle check, on the event loop. */
  @Override
  public void run() {
    ChannelHandlerContext context = ctx;
    if (context == null || !context.channel().isOpen()) {
      return;
    }
    long now = System.nanoTime();
    long readIdle = now - lastRead;
    long writeIdle = now - lastWrite;
    long allIdle = Math.min(readIdle, writeIdle);
    long allLimit = allLimit();
    if ((governor.readIdleNanos > 0 && readIdle >= governor.readIdleNanos)
        || (governor.writeIdleNanos > 0 && writeIdle >= governor.writeIdleNanos)
        || (allLimit > 0 && allIdle >= allLimit)) {
      governor.reaped.incrementAndGet();
      ChannelFuture unused = context.close(); // released through the close future
      return;
    }
    check = context.executor().schedule(this, nextCheck(readIdle, writeIdle, allIdle), TimeUnit.NANOSECONDS);
  }

  private long allLimit() {
    long pressure = governor.pressureIdleNanos;
    if (pressure > 0 && governor.gate.overSoftLimit()) {
      return governor.allIdleNanos > 0 ? Math.min(pressure, governor.allIdleNanos) : pressure;
    }
    return governor.allIdleNanos;
  }

  /** Nanoseconds until the first timeout could pass; the pressure timeout is checked as often. */
  private long nextCheck(long readIdle, long writeIdle, long allIdle) {
    long next = Long.MAX_VALUE;
    if (governor.readIdleNanos > 0) {
      next = Math.min(next, governor.readIdleNanos - readIdle);
    }
    if (governor.writeIdleNanos > 0) {
      next = Math.min(next, governor.writeIdleNanos - writeIdle);
    }
    if (governor.allIdleNanos > 0) {
      next = Math.min(next, governor.allIdleNanos - allIdle);
    }
    if (governor.pressureIdleNanos > 0) {
      next = Math.min(next, Math.max(governor.pressureIdleNanos - allIdle, governor.pressureIdleNanos / 4));
    }
    return Math.max(next, TimeUnit.MILLISECONDS.toNanos(1));
  }
}
