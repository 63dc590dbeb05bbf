using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScopeVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_scope_versions",
                schema: "platform",
                columns: table => new
                {
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_scope_versions", x => x.ScopeId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_scope_versions",
                schema: "platform");
        }
    }
}
