using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Identity.Api.Data.Migrations;

/// <summary>
/// The move to OpenIddict: the tables of the hand-written authorization server (clients, signing keys, codes,
/// refresh tokens, issued access tokens) give way to OpenIddict's EF Core stores (applications, authorizations,
/// scopes, tokens) and to the server keys (signing and encryption). Clients are registered again from
/// configuration at the next start; signed-in people sign in again. Written by hand from the model EF Core
/// derives; MigrationTests compares the result with it.
/// </summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261206120000_OpenIddict")]
public sealed class OpenIddictStores : Migration
{
    private static readonly string[] Retired = ["AuthorizationCodes", "IssuedAccessTokens", "OAuthClients", "RefreshTokens", "SigningKeys"];

    protected override void Up(MigrationBuilder m)
    {
        foreach (var table in Retired) m.DropTable(table);

        m.CreateTable("ServerKeys", t => new
        {
            KeyId = t.Column<string>("character varying(64)", maxLength: 64),
            Use = t.Column<string>("character varying(3)", maxLength: 3),
            ProtectedKey = t.Column<string>("text"),
            CreatedAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            ActivatesAt = t.Column<DateTimeOffset>("timestamp with time zone"),
            RetiredAt = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            RemoveAfter = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ServerKeys", x => x.KeyId));

        m.CreateTable("OpenIddictApplications", t => new
        {
            Id = t.Column<string>("text"),
            ApplicationType = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
            ClientId = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            ClientSecret = t.Column<string>("text", nullable: true),
            ClientType = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
            ConcurrencyToken = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
            ConsentType = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
            DisplayName = t.Column<string>("text", nullable: true),
            DisplayNames = t.Column<string>("text", nullable: true),
            JsonWebKeySet = t.Column<string>("text", nullable: true),
            Permissions = t.Column<string>("text", nullable: true),
            PostLogoutRedirectUris = t.Column<string>("text", nullable: true),
            Properties = t.Column<string>("text", nullable: true),
            RedirectUris = t.Column<string>("text", nullable: true),
            Requirements = t.Column<string>("text", nullable: true),
            Settings = t.Column<string>("text", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OpenIddictApplications", x => x.Id));

        m.CreateTable("OpenIddictScopes", t => new
        {
            Id = t.Column<string>("text"),
            ConcurrencyToken = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
            Description = t.Column<string>("text", nullable: true),
            Descriptions = t.Column<string>("text", nullable: true),
            DisplayName = t.Column<string>("text", nullable: true),
            DisplayNames = t.Column<string>("text", nullable: true),
            Name = t.Column<string>("character varying(200)", maxLength: 200, nullable: true),
            Properties = t.Column<string>("text", nullable: true),
            Resources = t.Column<string>("text", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OpenIddictScopes", x => x.Id));

        m.CreateTable("OpenIddictAuthorizations", t => new
        {
            Id = t.Column<string>("text"),
            ApplicationId = t.Column<string>("text", nullable: true),
            ConcurrencyToken = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
            CreationDate = t.Column<DateTime>("timestamp with time zone", nullable: true),
            Properties = t.Column<string>("text", nullable: true),
            Scopes = t.Column<string>("text", nullable: true),
            Status = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
            Subject = t.Column<string>("character varying(400)", maxLength: 400, nullable: true),
            Type = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OpenIddictAuthorizations", x => x.Id);
            t.ForeignKey("FK_OpenIddictAuthorizations_OpenIddictApplications_Application~", x => x.ApplicationId, "OpenIddictApplications", "Id");
        });

        m.CreateTable("OpenIddictTokens", t => new
        {
            Id = t.Column<string>("text"),
            ApplicationId = t.Column<string>("text", nullable: true),
            AuthorizationId = t.Column<string>("text", nullable: true),
            ConcurrencyToken = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
            CreationDate = t.Column<DateTime>("timestamp with time zone", nullable: true),
            ExpirationDate = t.Column<DateTime>("timestamp with time zone", nullable: true),
            Payload = t.Column<string>("text", nullable: true),
            Properties = t.Column<string>("text", nullable: true),
            RedemptionDate = t.Column<DateTime>("timestamp with time zone", nullable: true),
            ReferenceId = t.Column<string>("character varying(100)", maxLength: 100, nullable: true),
            Status = t.Column<string>("character varying(50)", maxLength: 50, nullable: true),
            Subject = t.Column<string>("character varying(400)", maxLength: 400, nullable: true),
            Type = t.Column<string>("character varying(150)", maxLength: 150, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OpenIddictTokens", x => x.Id);
            t.ForeignKey("FK_OpenIddictTokens_OpenIddictApplications_ApplicationId", x => x.ApplicationId, "OpenIddictApplications", "Id");
            t.ForeignKey("FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId", x => x.AuthorizationId, "OpenIddictAuthorizations", "Id");
        });

        m.CreateIndex("IX_OpenIddictApplications_ClientId", "OpenIddictApplications", "ClientId", unique: true);
        m.CreateIndex("IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type", "OpenIddictAuthorizations", ["ApplicationId", "Status", "Subject", "Type"]);
        m.CreateIndex("IX_OpenIddictScopes_Name", "OpenIddictScopes", "Name", unique: true);
        m.CreateIndex("IX_OpenIddictTokens_ApplicationId_Status_Subject_Type", "OpenIddictTokens", ["ApplicationId", "Status", "Subject", "Type"]);
        m.CreateIndex("IX_OpenIddictTokens_AuthorizationId", "OpenIddictTokens", "AuthorizationId");
        m.CreateIndex("IX_OpenIddictTokens_ReferenceId", "OpenIddictTokens", "ReferenceId", unique: true);
    }

    /// <summary>Removes OpenIddict's tables and the server keys; the hand-written server's tables are not rebuilt (its code is gone).</summary>
    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "OpenIddictTokens", "OpenIddictAuthorizations", "OpenIddictScopes", "OpenIddictApplications", "ServerKeys" })
        {
            m.DropTable(table);
        }
    }
}
