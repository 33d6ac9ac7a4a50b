using System.Security.Cryptography;
using System.Text;
using AfterSales.Platform.Audit;

namespace AfterSales.Platform.Auth;

/// <summary>
/// A machine client's credential. Only a SHA-256 hash of the secret is stored; the full key is
/// shown once, when it is created. Looked up by its public prefix.
/// </summary>
public sealed class ApiKey : IAudited
{
    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";

    /// <summary>Space-separated policy names this key satisfies.</summary>
    public string Scopes { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime? RevokedAtUtc { get; private set; }
    public DateTime? LastUsedAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    ApiKey() { }

    /// <summary>Creates a key and returns it with the secret, which is never stored.</summary>
    public static (ApiKey Key, string Secret) Create(string name, IEnumerable<string> scopes, string createdBy, DateTime nowUtc)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = $"ak_{prefix}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_')}";
        var key = new ApiKey
        {
            Name = name,
            Prefix = prefix,
            Hash = HashOf(secret),
            Scopes = string.Join(' ', scopes.Distinct().Order(StringComparer.Ordinal)),
            CreatedAtUtc = nowUtc,
            CreatedBy = createdBy,
        };
        return (key, secret);
    }

    public static string? PrefixOf(string secret)
    {
        var parts = secret.Split('_');
        return parts.Length >= 3 && parts[0] == "ak" && parts[1].Length == 8 ? parts[1] : null;
    }

    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash), Encoding.ASCII.GetBytes(HashOf(secret)));

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;

    static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
