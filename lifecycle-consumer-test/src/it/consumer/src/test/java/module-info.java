// README:test-module-info:begin
open module com.example.orders.test {
  requires com.example.orders;
  requires dev.lifecycle.proptest;
  requires dev.lifecycle.testing;
  requires org.junit.jupiter.api;
}
// README:test-module-info:end
