#include "model/config.h"

namespace stepup {

SignalConfig default_signal_config() {
  SignalConfig s;
  s.log_macros = {
      // glog and absl
      "LOG", "VLOG", "LOG_IF", "LOG_EVERY_N", "LOG_FIRST_N", "LOG_IF_EVERY_N", "PLOG",
      "PLOG_IF", "DLOG", "DLOG_IF", "DVLOG", "VLOG_IF", "SYSLOG", "ABSL_LOG", "ABSL_LOG_*",
      "ABSL_PLOG", "ABSL_PLOG_*", "ABSL_VLOG", "ABSL_DLOG", "ABSL_DLOG_*",
      // spdlog
      "SPDLOG_*",
      // Boost.Log
      "BOOST_LOG*",
      // LOG_<LEVEL>-style project macros
      "LOG_*", "LOGGER_*",
      // OpenTelemetry's macros
      "OTEL_INTERNAL_LOG_*"};
  s.log_functions = {
      // spdlog free functions and logger methods (not spdlog::get and the
      // other registry calls)
      "spdlog::trace", "spdlog::debug", "spdlog::info", "spdlog::warn", "spdlog::error",
      "spdlog::critical", "spdlog::log", "spdlog::logger::trace", "spdlog::logger::debug",
      "spdlog::logger::info", "spdlog::logger::warn", "spdlog::logger::error",
      "spdlog::logger::critical", "spdlog::logger::log",
      // syslog
      "::syslog", "::vsyslog",
      // Boost.Log's record pumps
      "boost::log::*",
      // prometheus-cpp metric types
      "prometheus::Counter::Increment", "prometheus::Gauge::Increment",
      "prometheus::Gauge::Decrement", "prometheus::Gauge::Set",
      "prometheus::Gauge::SetToCurrentTime", "prometheus::Histogram::Observe",
      "prometheus::Summary::Observe",
      // OpenTelemetry tracing, metrics and logs
      "opentelemetry::*::StartSpan", "opentelemetry::*::GetTracer",
      "opentelemetry::*::AddEvent", "opentelemetry::*::SetStatus",
      "opentelemetry::*::RecordException", "opentelemetry::*::Add",
      "opentelemetry::*::Record", "opentelemetry::*::EmitLogRecord",
      "opentelemetry::*::GetLogger"};
  s.io_functions = {
      // databases: generic client method names, libpq, sqlite3, MySQL, ODBC
      "query*", "Query*", "execute*", "Execute*", "exec", "exec_*", "prepare", "Prepare",
      "fetch*", "Fetch*", "::PQexec*", "::PQprepare", "::PQsendQuery*", "::PQsendPrepare",
      "::sqlite3_exec", "::sqlite3_prepare*", "::sqlite3_step",
      "::mysql_query", "::mysql_real_query",
      "::mysql_stmt_execute", "::mysql_stmt_prepare", "::SQLExecDirect*", "::SQLExecute",
      "::SQLPrepare*", "pqxx::*::exec*", "soci::*::prepare",
      // network: sockets, name lookups, HTTP clients
      "::send", "::sendto", "::sendmsg", "::recv", "::recvfrom", "::recvmsg", "::connect",
      "::getaddrinfo", "::gethostbyname", "::curl_easy_perform", "::curl_multi_perform",
      "cpr::Get", "cpr::Post", "cpr::Put", "cpr::Delete", "cpr::Patch", "cpr::Head",
      "cpr::Options", "cpr::Session::Get", "cpr::Session::Post", "httplib::Client::*",
      "boost::asio::connect", "boost::asio::read*", "boost::asio::write*",
      // files
      "::fopen", "::freopen", "::fread", "::fwrite", "::open", "::openat", "::read",
      "::write", "::pread", "::pwrite", "::stat", "std::basic_ifstream",
      "std::basic_ofstream", "std::basic_fstream", "std::filesystem::exists",
      "std::filesystem::file_size",
      // sleeping
      "::sleep", "::usleep", "::nanosleep", "std::this_thread::sleep_for",
      "std::this_thread::sleep_until"};
  return s;
}

}  // namespace stepup
