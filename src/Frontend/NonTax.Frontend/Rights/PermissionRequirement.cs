using Microsoft.AspNetCore.Authorization;

namespace NonTax.Frontend.Rights;

/// <summary>The requirement behind each permission policy.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
