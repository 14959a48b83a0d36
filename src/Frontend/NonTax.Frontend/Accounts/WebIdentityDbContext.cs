using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace NonTax.Frontend.Accounts;

/// <summary>
/// ASP.NET Core Identity's tables in the project's schema. The tables are created by the DbUp
/// script deploy/sql/0800_web_accounts.sql (the one migration path of the system), not by EF
/// migrations; this model only maps them.
/// </summary>
public sealed class WebIdentityDbContext(DbContextOptions<WebIdentityDbContext> options)
    : IdentityDbContext<WebUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema("nontax");
        builder.Entity<WebUser>(e =>
        {
            e.ToTable("web_users");
            e.Property(u => u.DisplayName).HasMaxLength(64);
            e.Property(u => u.OrganisationLevel).HasConversion<short>();
            e.Property(u => u.UnitCode).HasMaxLength(16);
        });
        builder.Entity<IdentityRole>().ToTable("web_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("web_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("web_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("web_user_logins");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("web_role_claims");
        builder.Entity<IdentityUserToken<string>>().ToTable("web_user_tokens");
    }
}
