namespace InfluenceModel.Internal;

/// <summary>
/// Per-worker state (a cascade runner, scratch buffers) reused across the parallel evaluations of an oracle:
/// <see cref="Rent"/> takes an item given back earlier, or makes a new one, and <see cref="Return"/> gives it back.
/// Thread-safe; the lock is held only to push or pop, never while an item is made or used. No more items are made
/// than were ever rented at the same time.
/// </summary>
/// <typeparam name="T">The per-worker state; one holder at a time.</typeparam>
/// <param name="create">Makes a new item when none is free (called outside the lock).</param>
internal sealed class WorkerPool<T>(Func<T> create)
    where T : class
{
    private readonly Stack<T> _free = new();

    /// <summary>A free item, or a new one from the factory; the caller holds it alone until <see cref="Return"/>.</summary>
    public T Rent()
    {
        lock (_free)
        {
            if (_free.TryPop(out T? item))
            {
                return item;
            }
        }

        return create();
    }

    /// <summary>Gives <paramref name="item"/> back for the next <see cref="Rent"/>; the caller must not use it afterwards.</summary>
    public void Return(T item)
    {
        lock (_free)
        {
            _free.Push(item);
        }
    }
}
