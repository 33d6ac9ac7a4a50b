using System.Collections.Concurrent;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Auth;

/// <summary>
/// The API keys this node has seen, by prefix, so that a busy machine client (a CTI posting a
/// thousand intakes a second) does not cost a database read per request.
/// <para>
/// Revocation stays prompt: a revocation made on this node takes effect at once
/// (<see cref="Invalidate"/>, called by whoever saved it), and every node reads a key again once its
/// copy is older than <see cref="RefreshAfter"/>, so a revocation made on another node reaches this one
/// within that time. Unknown prefixes are never cached: a key created anywhere works on its first
/// request, and guessed prefixes cannot fill the memory.
/// </para>
/// </summary>
public sealed class ApiKeyCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(5);

    /// <summary>A key as read at <paramref name="Timestamp"/>; <see cref="LastUsedAtUtc"/> follows this node's own recording.</summary>
    public sealed class Entry(ApiKey key, long timestamp, long generation)
    {
        public ApiKey Key { get; } = key;
        public long Timestamp { get; } = timestamp;
        public long Generation { get; } = generation;

        // Ticks, so that concurrent requests read and write it atomically; 0 is "never".
        long _lastUsedTicks = key.LastUsedAtUtc?.Ticks ?? 0;

        public DateTime? LastUsedAtUtc
        {
            get => Interlocked.Read(ref _lastUsedTicks) is var t and not 0 ? new DateTime(t, DateTimeKind.Utc) : null;
            set => Interlocked.Exchange(ref _lastUsedTicks, value?.Ticks ?? 0);
        }
    }

    readonly ConcurrentDictionary<string, Entry> _byPrefix = new(StringComparer.Ordinal);
    long _generation;

    public async ValueTask<Entry?> FindAsync(string prefix, CancellationToken ct)
    {
        if (_byPrefix.TryGetValue(prefix, out var cached) && Fresh(cached))
            return cached;
        // Taken before reading: a revocation during the read leaves this copy stale, so it is read again next time.
        var (generation, stamp) = (Interlocked.Read(ref _generation), clock.GetTimestamp());
        await using var scope = scopes.CreateAsyncScope();
        var key = await scope
            .ServiceProvider.GetRequiredService<AppDbContext>()
            .Set<ApiKey>()
            .AsNoTracking()
            .SingleOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (key is null)
        {
            _byPrefix.TryRemove(prefix, out _);
            return null;
        }
        var entry = new Entry(key, stamp, generation);
        _byPrefix[prefix] = entry;
        return entry;
    }

    /// <summary>A key was revoked or changed on this node: every key is read again on its next use.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _byPrefix.Clear();
    }

    bool Fresh(Entry e) => e.Generation == Interlocked.Read(ref _generation) && clock.GetElapsedTime(e.Timestamp) < RefreshAfter;
}
