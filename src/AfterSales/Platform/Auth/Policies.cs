using Microsoft.AspNetCore.Authorization;

namespace AfterSales.Platform.Auth;

/// <summary>
/// Who may do what. Pages and endpoints name one of these; a machine client's API key
/// satisfies a policy through its scopes.
/// </summary>
public static class Policies
{
    /// <summary>Read customers, contracts, assets, documents (customers: only their own).</summary>
    public const string ReadMasterData = "masterdata:read";

    /// <summary>Create and change customers, contracts, assets, documents.</summary>
    public const string EditMasterData = "masterdata:write";

    /// <summary>Read work orders (customers: their own; technicians: those assigned to them).</summary>
    public const string ReadWorkOrders = "workorders:read";

    /// <summary>Log requests and record what happens to them (intake, response, dispatch, visits…).</summary>
    public const string HandleWorkOrders = "workorders:write";

    /// <summary>Override coverage decisions and other manager calls.</summary>
    public const string Manage = "manage";

    /// <summary>Read the penalty ledger (违约金台账): staff, and a customer its own contracts' entries.</summary>
    public const string ReadPenalties = "penalties:read";

    /// <summary>
    /// Record assessed losses and waive or correct ledger entries: the customer-service manager
    /// (客服主管) alone, as DESIGN §1 gives waivers to that role; not admins, who run the system.
    /// </summary>
    public const string ManagePenalties = "penalties:manage";

    /// <summary>Read complaints (customers: their own).</summary>
    public const string ReadComplaints = "complaints:read";

    /// <summary>Log complaints and handle them (agents, managers; machines with the scope).</summary>
    public const string HandleComplaints = "complaints:write";

    /// <summary>File a complaint on a page: complaint handlers, and a customer user for its own organisation (portal).</summary>
    public const string FileComplaints = "complaints:file";

    /// <summary>
    /// Close complaints with a responsibility determination, see staff penalties and the remedies
    /// report: the customer-service manager (客服主管) alone (DESIGN §1: complaint responsibility).
    /// </summary>
    public const string ManageComplaints = "complaints:manage";

    /// <summary>Change the catalog of product types: managers and admins, not every editor.</summary>
    public const string EditCatalog = "catalog:write";

    /// <summary>Read the whole audit trail (managers, auditors, admins; a record's own history is shown to all staff).</summary>
    public const string ReadAudit = "audit:read";

    /// <summary>
    /// Record hotline calls: the phone system (CTI) posting ringing/answered/ended events with a
    /// key of this scope, and agents logging calls by hand.
    /// </summary>
    public const string LogCalls = "calls:write";

    /// <summary>Read the call log and the three-ring report: staff only, never customers.</summary>
    public const string ReadCalls = "calls:read";

    /// <summary>The three-ring report (接听率): managers, auditors, admins, or a key with <see cref="ReadCalls"/>.</summary>
    public const string CallReport = "calls:report";

    /// <summary>Users, roles, API keys, settings.</summary>
    public const string Administer = "admin";

    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = "staff";

    public const string ScopeClaim = "scope";
    public const string CustomerClaim = "customer_id";

    /// <summary>The scopes an API key may carry (a scope is the name of the policy it satisfies).</summary>
    public static readonly string[] Scopes =
    [
        ReadMasterData,
        EditMasterData,
        EditCatalog,
        ReadWorkOrders,
        HandleWorkOrders,
        ReadPenalties,
        ReadAudit,
        ReadComplaints,
        HandleComplaints,
        LogCalls,
        ReadCalls,
    ];

    public static void Add(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(ReadMasterData, p => p.RequireAssertion(c => HasRoleOrScope(c, ReadMasterData, [.. Roles.Staff, Roles.Customer])));
        o.AddPolicy(
            EditMasterData,
            p => p.RequireAssertion(c => HasRoleOrScope(c, EditMasterData, [Roles.Agent, Roles.Dispatcher, Roles.Manager, Roles.Admin]))
        );
        o.AddPolicy(ReadWorkOrders, p => p.RequireAssertion(c => HasRoleOrScope(c, ReadWorkOrders, [.. Roles.Staff, Roles.Customer])));
        o.AddPolicy(
            HandleWorkOrders,
            p =>
                p.RequireAssertion(c =>
                    HasRoleOrScope(
                        c,
                        HandleWorkOrders,
                        [Roles.Agent, Roles.Dispatcher, Roles.Technician, Roles.Expert, Roles.Manager, Roles.Admin]
                    )
                )
        );
        o.AddPolicy(Manage, p => p.RequireRole(Roles.Manager, Roles.Admin));
        o.AddPolicy(ReadPenalties, p => p.RequireAssertion(c => HasRoleOrScope(c, ReadPenalties, [.. Roles.Staff, Roles.Customer])));
        o.AddPolicy(ManagePenalties, p => p.RequireRole(Roles.Manager));
        o.AddPolicy(
            ReadComplaints,
            p =>
                p.RequireAssertion(c =>
                    HasRoleOrScope(c, ReadComplaints, [Roles.Agent, Roles.Manager, Roles.Auditor, Roles.Admin, Roles.Customer])
                )
        );
        o.AddPolicy(HandleComplaints, p => p.RequireAssertion(c => HasRoleOrScope(c, HandleComplaints, [Roles.Agent, Roles.Manager])));
        o.AddPolicy(FileComplaints, p => p.RequireRole(Roles.Agent, Roles.Manager, Roles.Customer));
        o.AddPolicy(ManageComplaints, p => p.RequireRole(Roles.Manager));
        o.AddPolicy(EditCatalog, p => p.RequireAssertion(c => HasRoleOrScope(c, EditCatalog, [Roles.Manager, Roles.Admin])));
        o.AddPolicy(ReadAudit, p => p.RequireAssertion(c => HasRoleOrScope(c, ReadAudit, [Roles.Manager, Roles.Auditor, Roles.Admin])));
        o.AddPolicy(LogCalls, p => p.RequireAssertion(c => HasRoleOrScope(c, LogCalls, [Roles.Agent, Roles.Manager, Roles.Admin])));
        o.AddPolicy(ReadCalls, p => p.RequireAssertion(c => HasRoleOrScope(c, ReadCalls, Roles.Staff)));
        o.AddPolicy(CallReport, p => p.RequireAssertion(c => HasRoleOrScope(c, ReadCalls, [Roles.Manager, Roles.Auditor, Roles.Admin])));
        o.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(Staff, p => p.RequireRole(Roles.Staff));
    }

    static bool HasRoleOrScope(AuthorizationHandlerContext c, string scope, string[] roles) =>
        roles.Any(c.User.IsInRole) || c.User.HasClaim(ScopeClaim, scope);
}
