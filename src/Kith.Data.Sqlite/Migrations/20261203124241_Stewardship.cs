using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BaseVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    BaseValues = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ProposerName = table.Column<string>(type: "TEXT", nullable: true),
                    ProposerEmail = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModeratorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ModeratorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResultingAssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContactErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ListingClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimantName = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimantEmail = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimantRole = table.Column<string>(type: "TEXT", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimantUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
