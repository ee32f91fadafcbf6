using Identity.Api.Domain.Accounts;
using Identity.Api.OpenIdConnect.Clients;
using Identity.Api.OpenIdConnect.Grants;
using Identity.Api.OpenIdConnect.Keys;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Data;

namespace Identity.Api.Data;

/// <summary>The identity database: ASP.NET Core Identity's tables plus the authorization server's.</summary>
public class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<UserNomination> Nominations => Set<UserNomination>();
    public DbSet<ActivationTicket> ActivationTickets => Set<ActivationTicket>();
    public DbSet<OAuthClient> Clients => Set<OAuthClient>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<AuthorizationCode> AuthorizationCodes => Set<AuthorizationCode>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<IssuedAccessToken> IssuedAccessTokens => Set<IssuedAccessToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.AddOutboxAndInbox();

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

        builder.Entity<OAuthClient>(c =>
        {
            c.ToTable("OAuthClients");
            c.HasKey(x => x.ClientId);
            c.Property(x => x.ClientId).HasMaxLength(100);
            c.Property(x => x.DisplayName).HasMaxLength(200);
            c.Property(x => x.Type).HasMaxLength(20);
            c.Property(x => x.SecretHash).HasMaxLength(200);
        });

        builder.Entity<SigningKey>(k =>
        {
            k.ToTable("SigningKeys");
            k.HasKey(x => x.KeyId);
            k.Property(x => x.KeyId).HasMaxLength(64);
            k.Property(x => x.Algorithm).HasMaxLength(10);
        });

        builder.Entity<AuthorizationCode>(a =>
        {
            a.ToTable("AuthorizationCodes");
            a.HasKey(x => x.Id);
            a.Property(x => x.CodeHash).HasMaxLength(64);
            a.HasIndex(x => x.CodeHash).IsUnique();
            a.Property(x => x.ClientId).HasMaxLength(100);
            a.Property(x => x.CodeChallenge).HasMaxLength(128);
            a.HasIndex(x => x.ExpiresAt);
        });

        builder.Entity<RefreshToken>(r =>
        {
            r.ToTable("RefreshTokens");
            r.HasKey(x => x.Id);
            r.Property(x => x.TokenHash).HasMaxLength(64);
            r.HasIndex(x => x.TokenHash).IsUnique();
            r.HasIndex(x => x.GrantId);
            r.Property(x => x.ClientId).HasMaxLength(100);
            r.HasIndex(x => x.GrantExpiresAt);
        });

        builder.Entity<IssuedAccessToken>(t =>
        {
            t.ToTable("IssuedAccessTokens");
            t.HasKey(x => x.TokenId);
            t.Property(x => x.TokenId).HasMaxLength(64);
            t.Property(x => x.ClientId).HasMaxLength(100);
            t.HasIndex(x => x.GrantId);
            t.HasIndex(x => x.ExpiresAt);
        });

        builder.Entity<DataProtectionKey>(k =>
        {
            k.ToTable("DataProtectionKeys");
            k.HasKey(x => x.Id);
            k.Property(x => x.FriendlyName).HasMaxLength(200);
        });
    }
}
