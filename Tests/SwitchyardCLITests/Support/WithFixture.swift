/// Runs `body` with a started emulator fixture and stops it afterwards, also when `body` throws.
func withEmulatorFixture<T>(_ body: (EmulatorFixture) async throws -> T) async throws -> T {
    let fixture = try await EmulatorFixture.start()
    do {
        let result = try await body(fixture)
        await fixture.stop()
        return result
    } catch {
        await fixture.stop()
        throw error
    }
}
