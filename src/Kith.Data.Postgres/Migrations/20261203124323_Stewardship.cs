using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Stewardship : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    BaseVersion = table.Column<int>(type: "integer", nullable: true),
                    BaseValues = table.Column<string>(type: "text", nullable: true),
                    ProposedValuesJson = table.Column<string>(type: "text", nullable: false),
                    ProposerName = table.Column<string>(type: "text", nullable: true),
                    ProposerEmail = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModeratorUserId = table.Column<string>(type: "text", nullable: true),
                    ModeratorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResultingAssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ListingClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimantName = table.Column<string>(type: "text", nullable: false),
                    ClaimantEmail = table.Column<string>(type: "text", nullable: false),
                    ClaimantRole = table.Column<string>(type: "text", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "text", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    ClaimantUserId = table.Column<string>(type: "text", nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListingClaims_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryProposals_AssetId",
                table: "DirectoryProposals",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryProposals_Status_CreatedAt",
                table: "DirectoryProposals",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ListingClaims_OrganizationId",
                table: "ListingClaims",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ListingClaims_Status_CreatedAt",
                table: "ListingClaims",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryProposals");

            migrationBuilder.DropTable(
                name: "ListingClaims");
        }
    }
}
