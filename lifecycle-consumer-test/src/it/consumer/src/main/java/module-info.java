// README:module-info:begin
module com.example.orders {
  requires dev.lifecycle.core;

  exports com.example.orders;
}
// README:module-info:end
