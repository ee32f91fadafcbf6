using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Identity.Api.Data.Migrations;

/// <summary>
/// The first schema: ASP.NET Core Identity (schema version 2), accounts and nominations, OAuth
/// clients, signing keys, grants, Data Protection keys. Written by hand; the test
/// MigrationsMatchTheModel compares it with the EF model.
/// </summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261122120000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("AspNetRoles", t => new
        {
            Id = t.Column<string>("text"),
            Name = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>("text", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));

        m.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<string>("text"),
            FullName = t.Column<string>("character varying(200)", maxLength: 200),
            Title = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            Gender = t.Column<string>("character varying(20)", maxLength: 20, nullable: true),
            Affiliation = t.Column<string>("character varying(300)", maxLength: 300, nullable: true),
            PersonId = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            Status = t.Column<int>("integer"),
            CreatedAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            ProfileSubmittedAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            ApprovedAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            ApprovedBy = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            UserName = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            Email = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>("boolean"),
            PasswordHash = t.Column<string>("text", nullable: true),
            SecurityStamp = t.Column<string>("text", nullable: true),
            ConcurrencyStamp = t.Column<string>("text", nullable: true),
            PhoneNumber = t.Column<string>("character varying(256)", maxLength: 256, nullable: true),
            PhoneNumberConfirmed = t.Column<bool>("boolean"),
            TwoFactorEnabled = t.Column<bool>("boolean"),
            LockoutEnd = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            LockoutEnabled = t.Column<bool>("boolean"),
            AccessFailedCount = t.Column<int>("integer"),
        }, constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));

        m.CreateTable("AuthorizationCodes", t => new
        {
            Id = t.Column<Guid>("uuid"),
            CodeHash = t.Column<string>("character varying(64)", maxLength: 64),
            ClientId = t.Column<string>("character varying(100)", maxLength: 100),
            UserId = t.Column<string>("text"),
            RedirectUri = t.Column<string>("text"),
            Scopes = t.Column<List<string>>("text[]"),
            CodeChallenge = t.Column<string>("character varying(128)", maxLength: 128),
            Nonce = t.Column<string>("text", nullable: true),
            AuthTime = t.Column<DateTimeOffset>("timestamp with time zone"),
            AuthenticationMethods = t.Column<List<string>>("text[]"),
            CreatedAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            ExpiresAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            ConsumedAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            GrantId = t.Column<Guid>("uuid", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AuthorizationCodes", x => x.Id));

        m.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Column<int>("integer").Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            FriendlyName = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            Xml = t.Column<string>("text"),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        m.CreateTable("IssuedAccessTokens", t => new
        {
            TokenId = t.Column<string>("character varying(64)", maxLength: 64),
            GrantId = t.Column<Guid>("uuid", nullable: true),
            ClientId = t.Column<string>("character varying(100)", maxLength: 100),
            ExpiresAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            RevokedAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_IssuedAccessTokens", x => x.TokenId));

        m.CreateTable("OAuthClients", t => new
        {
            ClientId = t.Column<string>("character varying(100)", maxLength: 100),
            DisplayName = t.Column<string>("character varying(200)", maxLength: 200),
            Type = t.Column<string>("character varying(20)", maxLength: 20),
            FirstParty = t.Column<bool>("boolean"),
            SecretHash = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            SecretCreatedAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            RedirectUris = t.Column<List<string>>("text[]"),
            PostLogoutRedirectUris = t.Column<List<string>>("text[]"),
            GrantTypes = t.Column<List<string>>("text[]"),
            Scopes = t.Column<List<string>>("text[]"),
            Roles = t.Column<List<string>>("text[]"),
            Parties = t.Column<List<string>>("text[]"),
            CreatedAt = t.Column<DateTimeOffset>("timestamp with time zone"),
        }, constraints: t => t.PrimaryKey("PK_OAuthClients", x => x.ClientId));

        m.CreateTable("RefreshTokens", t => new
        {
            Id = t.Column<Guid>("uuid"),
            TokenHash = t.Column<string>("character varying(64)", maxLength: 64),
            GrantId = t.Column<Guid>("uuid"),
            ClientId = t.Column<string>("character varying(100)", maxLength: 100),
            UserId = t.Column<string>("text"),
            Scopes = t.Column<List<string>>("text[]"),
            AuthTime = t.Column<DateTimeOffset>("timestamp with time zone"),
            AuthenticationMethods = t.Column<List<string>>("text[]"),
            CreatedAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            ExpiresAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            GrantExpiresAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            ConsumedAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            RevokedAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_RefreshTokens", x => x.Id));

        m.CreateTable("SigningKeys", t => new
        {
            KeyId = t.Column<string>("character varying(64)", maxLength: 64),
            Algorithm = t.Column<string>("character varying(10)", maxLength: 10),
            ProtectedPrivateKey = t.Column<string>("text"),
            CreatedAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            ActivatesAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            RetiredAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            RemoveAfter = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_SigningKeys", x => x.KeyId));

        m.CreateTable("AspNetRoleClaims", t => new
        {
            Id = t.Column<int>("integer").Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            RoleId = t.Column<string>("text"),
            ClaimType = t.Column<string>("text", nullable: true),
            ClaimValue = t.Column<string>("text", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ActivationTickets", t => new
        {
            Id = t.Column<Guid>("uuid"),
            UserId = t.Column<string>("text"),
            TokenHash = t.Column<string>("character varying(64)", maxLength: 64),
            CreatedAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            ExpiresAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            UsedAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ActivationTickets", x => x.Id);
            t.ForeignKey("FK_ActivationTickets_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserClaims", t => new
        {
            Id = t.Column<int>("integer").Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            UserId = t.Column<string>("text"),
            ClaimType = t.Column<string>("text", nullable: true),
            ClaimValue = t.Column<string>("text", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>("character varying(128)", maxLength: 128),
            ProviderKey = t.Column<string>("character varying(128)", maxLength: 128),
            ProviderDisplayName = t.Column<string>("text", nullable: true),
            UserId = t.Column<string>("text"),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserRoles", t => new
        {
            UserId = t.Column<string>("text"),
            RoleId = t.Column<string>("text"),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<string>("text"),
            LoginProvider = t.Column<string>("character varying(128)", maxLength: 128),
            Name = t.Column<string>("character varying(128)", maxLength: 128),
            Value = t.Column<string>("text", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("UserNominations", t => new
        {
            NominationId = t.Column<string>("character varying(100)", maxLength: 100),
            UserId = t.Column<string>("text"),
            Party = t.Column<string>("character varying(3)", maxLength: 3),
            Role = t.Column<string>("character varying(50)", maxLength: 50),
            ScopeKind = t.Column<string>("character varying(50)", maxLength: 50),
            CountryReviewId = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            EffectiveFrom = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            ReceivedAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            WithdrawnAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_UserNominations", x => x.NominationId);
            t.ForeignKey("FK_UserNominations_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_ActivationTickets_TokenHash", "ActivationTickets", "TokenHash", unique: true);
        m.CreateIndex("IX_ActivationTickets_UserId", "ActivationTickets", "UserId");
        m.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        m.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        m.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        m.CreateIndex("IX_AspNetUsers_PersonId", "AspNetUsers", "PersonId");
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        m.CreateIndex("IX_AuthorizationCodes_CodeHash", "AuthorizationCodes", "CodeHash", unique: true);
        m.CreateIndex("IX_AuthorizationCodes_ExpiresAt", "AuthorizationCodes", "ExpiresAt");
        m.CreateIndex("IX_IssuedAccessTokens_ExpiresAt", "IssuedAccessTokens", "ExpiresAt");
        m.CreateIndex("IX_IssuedAccessTokens_GrantId", "IssuedAccessTokens", "GrantId");
        m.CreateIndex("IX_RefreshTokens_GrantExpiresAt", "RefreshTokens", "GrantExpiresAt");
        m.CreateIndex("IX_RefreshTokens_GrantId", "RefreshTokens", "GrantId");
        m.CreateIndex("IX_RefreshTokens_TokenHash", "RefreshTokens", "TokenHash", unique: true);
        m.CreateIndex("IX_UserNominations_UserId", "UserNominations", "UserId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[]
        {
            "ActivationTickets", "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens",
            "UserNominations", "AuthorizationCodes", "DataProtectionKeys", "IssuedAccessTokens", "OAuthClients", "RefreshTokens",
            "SigningKeys", "AspNetRoles", "AspNetUsers",
        })
        {
            m.DropTable(table);
        }
    }
}
