using Microsoft.AspNetCore.Identity;

namespace AfterSales.Platform.Auth;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For customer users: the one organisation whose data they may see.</summary>
    public long? CustomerId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
