using Identity.Api.Domain.Accounts;
using Identity.Api.OpenIdConnect.Keys;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Data;

namespace Identity.Api.Data;

/// <summary>
/// The identity database: ASP.NET Core Identity's tables, the account lifecycle's, OpenIddict's (applications,
/// authorizations, scopes, tokens), the server keys, the Data
/// Protection key ring and the messaging inbox/outbox.
/// </summary>
public class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<UserNomination> Nominations => Set<UserNomination>();
    public DbSet<ActivationTicket> ActivationTickets => Set<ActivationTicket>();
    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.AddOutboxAndInbox();
        builder.UseOpenIddict();

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(200);
            user.Property(u => u.Title).HasMaxLength(100);
            user.Property(u => u.Gender).HasMaxLength(20);
            user.Property(u => u.Affiliation).HasMaxLength(300);
            user.Property(u => u.PersonId).HasMaxLength(100);
            user.Property(u => u.ApprovedBy).HasMaxLength(256);
            user.HasIndex(u => u.PersonId);
            user.HasMany(u => u.Nominations).WithOne().HasForeignKey(n => n.UserId);
        });

        builder.Entity<UserNomination>(n =>
        {
            n.ToTable("UserNominations");
            n.HasKey(x => x.NominationId);
            n.Property(x => x.NominationId).HasMaxLength(100);
            n.Property(x => x.Party).HasMaxLength(3);
            n.Property(x => x.Role).HasMaxLength(50);
            n.Property(x => x.ScopeKind).HasMaxLength(50);
            n.Property(x => x.CountryReviewId).HasMaxLength(100);
            n.HasIndex(x => x.UserId);
        });

        builder.Entity<ActivationTicket>(t =>
        {
            t.ToTable("ActivationTickets");
            t.HasKey(x => x.Id);
            t.Property(x => x.TokenHash).HasMaxLength(64);
            t.HasIndex(x => x.TokenHash).IsUnique();
            t.HasIndex(x => x.UserId);
            t.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ServerKey>(k =>
        {
            k.ToTable("ServerKeys");
            k.HasKey(x => x.KeyId);
            k.Property(x => x.KeyId).HasMaxLength(64);
            k.Property(x => x.Use).HasMaxLength(3);
        });

        builder.Entity<DataProtectionKey>(k =>
        {
            k.ToTable("DataProtectionKeys");
            k.HasKey(x => x.Id);
            k.Property(x => x.FriendlyName).HasMaxLength(200);
        });
    }
}
