namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// Fires call deadlines from one shared timer (a hashed timing wheel, 10 ms resolution) instead of a
/// timer per call: adding and removing a call is a lock on one slot and two pointer writes, with no
/// allocation (the call itself is the list node). The timer runs only while some call has a deadline.
/// Expired calls are handed to the thread pool, so one slow expiry does not delay the others.
/// </summary>
internal sealed class DeadlineScheduler : IDisposable
{
    private const int SlotCount = 256;

    // Sweeps with nothing scheduled before the timer stops (1 s): calls arriving one at a time must
    // not re-arm the timer each time (Timer.Change takes the runtime's timer-queue lock).
    private const int IdleSweepsBeforeStop = 100;
    private static readonly TimeSpan Resolution = TimeSpan.FromMilliseconds(10);

    private readonly TimeProvider _timeProvider;
    private readonly long _ticksPerSlot;
    private readonly Slot[] _slots = new Slot[SlotCount];
    private readonly object _timerGate = new();
    private readonly ITimer _timer;
    private long _lastTick;
    private int _count;
    private volatile bool _armed;
    private int _ticking;
    private int _idleSweeps;

    public DeadlineScheduler(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _ticksPerSlot = Math.Max(1, (long)(timeProvider.TimestampFrequency * Resolution.TotalSeconds));
        for (var i = 0; i < SlotCount; i++)
        {
            _slots[i] = new Slot();
        }
        _timer = timeProvider.CreateTimer(static state => ((DeadlineScheduler)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Schedules the call to expire after <paramref name="timeout"/>.</summary>
    public void Add(HttpServerCallContext call, TimeSpan timeout)
    {
        var now = _timeProvider.GetTimestamp();
        var delta = timeout.TotalSeconds * _timeProvider.TimestampFrequency;
        var due = delta >= long.MaxValue - now ? long.MaxValue : now + (long)delta;
        call.DeadlineDue = due;
        if (Interlocked.Increment(ref _count) == 1)
        {
            Arm(now);
        }
        while (true)
        {
            var tick = Math.Max(due / _ticksPerSlot, Volatile.Read(ref _lastTick) + 1);
            var index = (int)(tick % SlotCount);
            var slot = _slots[index];
            lock (slot)
            {
                call.DeadlineSlot = index;
                call.DeadlinePrev = null;
                call.DeadlineNext = slot.Head;
                if (slot.Head is not null)
                {
                    slot.Head.DeadlinePrev = call;
                }
                slot.Head = call;
            }
            // The sweep publishes the tick it works on before locking its slot: if it has reached
            // ours, it may have passed the slot before the insert. Move the call further on.
            if (Volatile.Read(ref _lastTick) < tick)
            {
                return;
            }
            lock (slot)
            {
                if (call.DeadlineSlot != index)
                {
                    return; // the sweep took it: it has fired
                }
                Unlink(slot, call);
            }
        }
    }

    /// <summary>Unschedules the call (it ended first). Safe to call when it already fired.</summary>
    public void Remove(HttpServerCallContext call)
    {
        var index = Volatile.Read(ref call.DeadlineSlot);
        if (index < 0)
        {
            return;
        }
        var slot = _slots[index];
        lock (slot)
        {
            if (call.DeadlineSlot != index)
            {
                return;
            }
            Unlink(slot, call);
        }
        Interlocked.Decrement(ref _count);
    }

    private void Arm(long now)
    {
        if (_armed)
        {
            return;
        }
        lock (_timerGate)
        {
            if (_armed)
            {
                return;
            }
            Volatile.Write(ref _lastTick, now / _ticksPerSlot - 1);
            _timer.Change(Resolution, Resolution);
            _armed = true;
        }
    }

    private void Tick()
    {
        // Timer callbacks can overlap when one runs late; one sweep at a time is enough.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }
        try
        {
            Sweep();
            if (Volatile.Read(ref _count) != 0)
            {
                _idleSweeps = 0;
            }
            else if (++_idleSweeps >= IdleSweepsBeforeStop)
            {
                lock (_timerGate)
                {
                    if (Volatile.Read(ref _count) == 0 && _armed)
                    {
                        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                        _armed = false;
                        _idleSweeps = 0;
                        // Add increments the count, then reads _armed: one of the two sees the other.
                        Interlocked.MemoryBarrier();
                        if (Volatile.Read(ref _count) != 0)
                        {
                            Volatile.Write(ref _lastTick, _timeProvider.GetTimestamp() / _ticksPerSlot - 1);
                            _timer.Change(Resolution, Resolution);
                            _armed = true;
                        }
                    }
                }
            }
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private void Sweep()
    {
        var now = _timeProvider.GetTimestamp();
        // Only ticks whose whole window has passed: every call due in them is due by now.
        var nowTick = now / _ticksPerSlot - 1;
        var last = Volatile.Read(ref _lastTick);
        if (nowTick <= last)
        {
            return;
        }
        // After a long stall every slot is visited once; entries are checked against their due time.
        var first = nowTick - last > SlotCount ? nowTick - SlotCount + 1 : last + 1;
        for (var tick = first; tick <= nowTick; tick++)
        {
            var slot = _slots[(int)(tick % SlotCount)];
            HttpServerCallContext? expired = null;
            Volatile.Write(ref _lastTick, tick);
            lock (slot)
            {
                var call = slot.Head;
                while (call is not null)
                {
                    var next = call.DeadlineNext;
                    if (call.DeadlineDue <= now)
                    {
                        Unlink(slot, call);
                        call.DeadlineNext = expired;
                        expired = call;
                    }
                    call = next;
                }
            }
            while (expired is not null)
            {
                var call = expired;
                expired = call.DeadlineNext;
                call.DeadlineNext = null;
                Interlocked.Decrement(ref _count);
                ThreadPool.UnsafeQueueUserWorkItem(call, preferLocal: false);
            }
        }
    }

    private static void Unlink(Slot slot, HttpServerCallContext call)
    {
        if (call.DeadlinePrev is null)
        {
            slot.Head = call.DeadlineNext;
        }
        else
        {
            call.DeadlinePrev.DeadlineNext = call.DeadlineNext;
        }
        if (call.DeadlineNext is not null)
        {
            call.DeadlineNext.DeadlinePrev = call.DeadlinePrev;
        }
        call.DeadlinePrev = null;
        call.DeadlineNext = null;
        Volatile.Write(ref call.DeadlineSlot, -1);
    }

    public void Dispose() => _timer.Dispose();

    private sealed class Slot
    {
        public HttpServerCallContext? Head;
    }
}
