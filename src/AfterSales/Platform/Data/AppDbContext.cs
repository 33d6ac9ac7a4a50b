using System.Linq.Expressions;
using System.Security.Claims;
using AfterSales.Features.WorkOrders.Board.Search;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Platform.Data;

/// <summary>
/// The one unit of work. Each feature adds its sets in a partial file next to its entities
/// (e.g. Features/Customers/AppDbContext.Customers.cs) and its mapping as an
/// IEntityTypeConfiguration in the same folder.
/// </summary>
public partial class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    /// <summary>No one, who sees no customer's rows, until <see cref="Lease"/> binds the scope's user, and again once the lease ends.</summary>
    CurrentUser user = Nobody();
    TimeProvider clock = TimeProvider.System;

    /// <summary>Work state kept for one lease of the context (see <see cref="Leased{T}"/>).</summary>
    readonly Dictionary<Type, object> _leased = [];

    /// <summary>
    /// Binds a context taken from the pool (<see cref="DataSetup"/>) to the scope that uses it: its
    /// user (whose customer scope filters every query) and its clock. Contexts are pooled because
    /// setting up EF's services for a new context was about a twelfth of the server's CPU per API
    /// request; what a lease leaves behind is dropped here and when the context goes back.
    /// </summary>
    internal AppDbContext Lease(CurrentUser scopeUser, TimeProvider scopeClock)
    {
        Bind(scopeUser, scopeClock);
        return this;
    }

    /// <summary>
    /// State a feature keeps for as long as this context is lent out (one request, one group
    /// commit): prepared statements, sums over a batch. One per type; gone with the lease, so a
    /// pooled context never carries one scope's commands or totals into the next.
    /// </summary>
    internal T Leased<T>(Func<AppDbContext, T> create)
        where T : class
    {
        if (_leased.TryGetValue(typeof(T), out var found))
            return (T)found;
        var made = create(this);
        _leased[typeof(T)] = made;
        return made;
    }

    internal bool HasLeased<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? state)
        where T : class
    {
        state = _leased.TryGetValue(typeof(T), out var found) ? (T)found : null;
        return state is not null;
    }

    // A pooled context goes back to the pool here, bound to no one and without what its lease
    // prepared; before the base call, after which another scope may already hold it.
    public override void Dispose()
    {
        EndLease();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        EndLease();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    void EndLease() => Bind(Nobody(), TimeProvider.System);

    void Bind(CurrentUser to, TimeProvider on)
    {
        (user, clock) = (to, on);
        AuditDisabled = false;
        _leased.Clear();
    }

    /// <summary>A customer user of no organisation: every customer-owned set is empty to it.</summary>
    static CurrentUser Nobody()
    {
        var nobody = new CurrentUser(new HttpContextAccessor());
        nobody.ActFor(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Auth.Roles.Customer)], "none")));
        return nobody;
    }

    /// <summary>
    /// The customer organisation the signed-in user belongs to, or null for staff and
    /// background work. Every <see cref="ICustomerOwned"/> set is filtered by it, so a customer
    /// user cannot reach another organisation's rows by any query.
    /// </summary>
    public long? CustomerScope => user.CustomerId;

    internal CurrentUser User => user;

    internal TimeProvider Clock => clock;

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Bulk generation of benchmark data only: writes without audit rows.</summary>
    internal bool AuditDisabled { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsNpgsql())
            WorkOrderSearchGramConfiguration.OnPostgres(builder);
        ApplyCustomerScope(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored and read back as UTC on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    void ApplyCustomerScope(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes())
        {
            if (!typeof(ICustomerOwned).IsAssignableFrom(type.ClrType) || type.BaseType is not null)
                continue;
            // e => this.CustomerScope == null || e.CustomerId == this.CustomerScope
            var e = Expression.Parameter(type.ClrType, "e");
            var scope = Expression.Property(Expression.Constant(this), nameof(CustomerScope));
            // The customer itself is scoped by its own key.
            var column = type.FindProperty(nameof(ICustomerOwned.CustomerId)) is null ? "Id" : nameof(ICustomerOwned.CustomerId);
            var customerId = Expression.Property(e, column);
            var body = Expression.OrElse(
                Expression.Equal(scope, Expression.Constant(null, typeof(long?))),
                Expression.Equal(Expression.Convert(customerId, typeof(long?)), scope)
            );
            builder.Entity(type.ClrType).HasQueryFilter(Expression.Lambda(body, e));
        }
    }

    void RefuseRewritesOfAppendOnly()
    {
        if (ChangeTracker.Entries<IAppendOnly>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new Errors.DomainException("台账记录只能追加，不能修改或删除；更正请登记冲销记录");
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditLog.RefuseRewrites(ChangeTracker);
        RefuseRewritesOfAppendOnly();
        var pending = AuditDisabled ? [] : AuditLog.Capture(ChangeTracker);
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Keys of new rows are known only after the insert, so the audit rows are written in a
        // second statement batch inside the same transaction: both land or neither does.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(AuditLog.Complete(pending, user, clock.GetUtcNow().UtcDateTime));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }
}
