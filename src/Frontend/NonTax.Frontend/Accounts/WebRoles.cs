namespace NonTax.Frontend.Accounts;

/// <summary>The roles (岗位) of the web app and the organisation level each belongs to.</summary>
public static class WebRoles
{
    /// <summary>财政管理员: users, rights, base data; approves changes that move money.</summary>
    public const string FinanceAdministrator = "finance-administrator";

    /// <summary>财政业务员: day-to-day notices, refunds and reconciliation for every unit.</summary>
    public const string FinanceOperator = "finance-operator";

    /// <summary>审计员: reads everything, the audit log included; changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>单位开票员: issues and voids its unit's notices.</summary>
    public const string UnitBillingClerk = "unit-billing-clerk";

    /// <summary>单位主管: a unit's clerk rights plus its reports.</summary>
    public const string UnitSupervisor = "unit-supervisor";

    /// <summary>运维: cluster health, the Orleans Dashboard and the monitoring wall.</summary>
    public const string Operations = "operations";

    public static IReadOnlyList<string> All { get; } =
        [FinanceAdministrator, FinanceOperator, Auditor, UnitBillingClerk, UnitSupervisor, Operations];

    /// <summary>Unit roles are given only to unit-level users, bureau roles only to bureau users.</summary>
    public static bool IsUnitRole(string role) => role is UnitBillingClerk or UnitSupervisor;

    /// <summary>Chinese name used on the pages (and the English text of the resource file).</summary>
    public static string DisplayName(string role) => role switch
    {
        FinanceAdministrator => "财政管理员",
        FinanceOperator => "财政业务员",
        Auditor => "审计员",
        UnitBillingClerk => "单位开票员",
        UnitSupervisor => "单位主管",
        Operations => "运维人员",
        _ => role,
    };
}
